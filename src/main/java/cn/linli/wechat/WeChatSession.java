package cn.linli.wechat;

import org.jspecify.annotations.Nullable;

/** What {@code jscode2session} tells about a user. The session key stays on the server. */
public record WeChatSession(String openid, @Nullable String unionid, String sessionKey) {

    @Override
    public String toString() {
        return "WeChatSession[openid=" + openid + ", unionid=" + unionid + ", sessionKey=***]";
    }
}
