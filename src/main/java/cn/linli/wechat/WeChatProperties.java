package cn.linli.wechat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The mini-program's WeChat credentials and where WeChat is. {@code appid} and {@code secret} have no defaults in the
 * main jar ({@code WECHAT_APPID}, {@code WECHAT_SECRET}); development points {@code apiHost} at the local sandbox.
 *
 * @param timeout    bound on every WeChat call, so a slow WeChat never holds a request for long
 * @param maxRetries WxJava's retries of WeChat's "system busy" (-1); its default adds up to about 30 s of sleeps
 */
@ConfigurationProperties("linli.wechat")
public record WeChatProperties(String appid, String secret, String apiHost, Duration timeout, int maxRetries) {

    public static final String REAL_API_HOST = "https://api.weixin.qq.com";

    public WeChatProperties {
        if (appid == null || appid.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalStateException(
                    "linli.wechat.appid/secret are not set: set WECHAT_APPID and WECHAT_SECRET");
        }
        if (apiHost == null || apiHost.isBlank()) {
            apiHost = REAL_API_HOST;
        }
    }

    @Override
    public String toString() {
        return "WeChatProperties[appid=" + appid + ", apiHost=" + apiHost + ", secret=***]";
    }
}
