package cn.linli.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceHttpClientImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaRedisBetterConfigImpl;
import me.chanjar.weixin.common.redis.RedisTemplateWxRedisOps;
import me.chanjar.weixin.common.util.http.apache.DefaultApacheHttpClientBuilder;
import com.github.binarywang.wxpay.config.WxPayConfig;
import com.github.binarywang.wxpay.service.WxPayService;
import com.github.binarywang.wxpay.service.impl.WxPayServiceImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class WeChatConfig {

    /**
     * The WxJava client. Its access token lives in Redis so several app instances share one token instead of
     * invalidating each other's (WeChat keeps only the newest token valid).
     */
    @Bean
    WxMaService wxMaService(WeChatProperties properties, StringRedisTemplate redis) {
        WxMaRedisBetterConfigImpl config = new WxMaRedisBetterConfigImpl(new RedisTemplateWxRedisOps(redis), "linli:wechat");
        config.setAppid(properties.appid());
        config.setSecret(properties.secret());
        config.setApiHostUrl(properties.apiHost());
        int timeoutMillis = (int) properties.timeout().toMillis();
        DefaultApacheHttpClientBuilder http = DefaultApacheHttpClientBuilder.get();
        http.setConnectionTimeout(timeoutMillis);
        http.setSoTimeout(timeoutMillis);
        http.setConnectionRequestTimeout(timeoutMillis);
        config.setApacheHttpClientBuilder(http);
        WxMaService service = new WxMaServiceHttpClientImpl();
        service.setWxMaConfig(config);
        // the retry policy lives on the service, not the config: WxJava's default sleeps up to ~30 s on errcode -1
        service.setMaxRetryTimes(properties.maxRetries());
        service.setRetrySleepMillis(200);
        return service;
    }

    /** WxJava Pay v3, verifying WeChat Pay with its public key (no platform certificate download). */
    @Bean
    WxPayService wxPayService(WeChatPayProperties pay, WeChatProperties weChat) {
        WxPayConfig config = new WxPayConfig();
        config.setAppId(weChat.appid());
        config.setMchId(pay.mchId());
        config.setApiV3Key(pay.apiV3Key());
        config.setPrivateKeyString(pay.privateKey());
        config.setCertSerialNo(pay.certSerialNo());
        config.setPublicKeyString(pay.publicKey());
        config.setPublicKeyId(pay.publicKeyId());
        config.setFullPublicKeyModel(true);
        config.setApiHostUrl(pay.apiHost());
        if (pay.httpProxy() != null && !pay.httpProxy().isBlank()) {
            String[] proxy = pay.httpProxy().split(":");
            config.setHttpProxyHost(proxy[0]);
            config.setHttpProxyPort(Integer.parseInt(proxy[1]));
        }
        int timeout = (int) pay.timeout().toMillis();
        config.setHttpConnectionTimeout(timeout);
        config.setHttpTimeout(timeout);
        WxPayService service = new WxPayServiceImpl();
        service.setConfig(config);
        return service;
    }
}
