package cn.linli.wechat;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * WeChat Pay v3 merchant settings, all from the environment ({@code WECHAT_PAY_*}). Responses and notifications are
 * verified with WeChat Pay's public key ("微信支付公钥" mode), so no platform certificate is downloaded.
 *
 * @param notifyUrl where WeChat Pay sends payment notifications; in development, when blank, the local server's own
 *                  address is used
 * @param httpProxy optional {@code host:port} of an HTTP proxy to WeChat Pay. Development uses it to reach the
 *                  sandbox: WxJava signs requests and verifies answers only for hosts under {@code .mch.weixin.qq.com},
 *                  so the sandbox stands in as a proxy for {@code http://api.mch.weixin.qq.com}
 */
@ConfigurationProperties("linli.wechat.pay")
public record WeChatPayProperties(String mchId, String apiV3Key, String privateKey, String certSerialNo,
                                  String publicKey, String publicKeyId, String apiHost, @Nullable String notifyUrl,
                                  @Nullable String httpProxy, Duration timeout) {

    public static final String REAL_API_HOST = "https://api.mch.weixin.qq.com";

    public WeChatPayProperties {
        if (isBlank(mchId) || isBlank(apiV3Key) || isBlank(privateKey) || isBlank(certSerialNo) || isBlank(publicKey)
                || isBlank(publicKeyId)) {
            throw new IllegalStateException("WeChat Pay is not configured: set WECHAT_PAY_MCH_ID, WECHAT_PAY_API_V3_KEY, "
                    + "WECHAT_PAY_PRIVATE_KEY, WECHAT_PAY_CERT_SERIAL_NO, WECHAT_PAY_PUBLIC_KEY and WECHAT_PAY_PUBLIC_KEY_ID");
        }
        if (apiV3Key.length() != 32) {
            throw new IllegalStateException("WECHAT_PAY_API_V3_KEY must be 32 characters");
        }
        if (isBlank(apiHost)) {
            apiHost = REAL_API_HOST;
        }
        if (timeout == null) {
            timeout = Duration.ofSeconds(5);
        }
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "WeChatPayProperties[mchId=" + mchId + ", apiHost=" + apiHost + ", keys=***]";
    }
}
