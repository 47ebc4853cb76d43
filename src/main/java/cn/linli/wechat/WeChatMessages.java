package cn.linli.wechat;

import java.util.Map;

import reactor.core.publisher.Mono;

/** WeChat subscribe messages (订阅消息). */
public interface WeChatMessages {

    /** SENT, or NO_CONSENT when WeChat answered 43101 (the user's one-time consent is used up or withdrawn). */
    enum Outcome { SENT, NO_CONSENT }

    /** Fails with {@code WECHAT_UNAVAILABLE} on any other WeChat or network error, so the caller retries. */
    Mono<Outcome> sendSubscribeMessage(String openid, String templateId, String page, Map<String, String> data);
}
