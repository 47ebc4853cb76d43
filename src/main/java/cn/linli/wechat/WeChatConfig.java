package cn.linli.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceHttpClientImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaRedisBetterConfigImpl;
import me.chanjar.weixin.common.redis.RedisTemplateWxRedisOps;
import me.chanjar.weixin.common.util.http.apache.DefaultApacheHttpClientBuilder;
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
}
