package cn.linli.platform.config;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The production checks as a rule: good settings pass, and each kind of bad setting is named, all in one list. */
class ProductionSettingsTest {

    private static Map<String, String> good() {
        Map<String, String> settings = new HashMap<>();
        settings.put("spring.r2dbc.password", "s3cret-db-password");
        settings.put("linli.jwt.secret", "0f8a3c9d2b7e4f1a6c5d8e9b0a1f2c3d4e5f6a7b");
        settings.put("linli.wechat.appid", "wx1234567890abcdef");
        settings.put("linli.wechat.secret", "3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c");
        settings.put("linli.wechat.pay.notify-url", "https://linli.example.cn/wechat/pay/notify");
        settings.put("linli.photos.public-url", "https://linli.example.cn");
        settings.put("spring.graphql.schema.introspection.enabled", "false");
        return settings;
    }

    @Test
    void realSettingsPass() {
        assertThat(ProductionSettings.problems(good()::get)).isEmpty();
    }

    @Test
    void everyProblemIsListedTogether() {
        Map<String, String> settings = good();
        settings.remove("spring.r2dbc.password");
        settings.put("linli.jwt.secret", "short");
        settings.put("linli.wechat.appid", "wx-sandbox-app");
        settings.put("linli.wechat.api-host", "http://127.0.0.1:9999");
        settings.put("linli.wechat.pay.api-host", "http://127.0.0.1:9998");
        settings.put("linli.photos.public-url", "http://linli.example.cn");
        settings.put("spring.graphql.graphiql.enabled", "true");
        settings.put("spring.graphql.schema.introspection.enabled", "true");

        assertThat(ProductionSettings.problems(settings::get)).containsExactly(
                "DB_PASSWORD is not set",
                "LINLI_JWT_SECRET must be at least 32 bytes long",
                "WECHAT_APPID/WECHAT_SECRET are sandbox values",
                "WECHAT_API_HOST must be https://api.weixin.qq.com (the sandbox is for development only)",
                "WECHAT_PAY_API_HOST must be https://api.mch.weixin.qq.com (the sandbox is for development only)",
                "LINLI_PUBLIC_URL must be the public https address of this server (photo links use it)",
                "GraphiQL must be disabled in production (spring.graphql.graphiql.enabled)",
                "GraphQL introspection must be disabled in production (spring.graphql.schema.introspection.enabled)");
    }

    @Test
    void developmentSecretsAreRefusedEvenWhenLongEnough() {
        Map<String, String> settings = good();
        settings.put("linli.jwt.secret", "dev-only-jwt-secret-0123456789-abcdefghijklmnop");
        assertThat(ProductionSettings.problems(settings::get)).containsExactly("LINLI_JWT_SECRET is a development value");
    }
}
