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
        settings.put("linli.personal-data.current-key", "k2026");
        settings.put("linli.personal-data.keys.k2026", "q83vEjRWeJoSNFZ4mrze8BI0VniavN7wEjRWeJq83vA=");
        settings.put("linli.personal-data.hash-key", "7d1c9e0f2a4b6c8d0e1f3a5b7c9d1e2f4a6b8c0d");
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

    @Test
    void personalDataKeysMustBeSetRealAndOfTheRightSize() {
        Map<String, String> missing = good();
        missing.remove("linli.personal-data.current-key");
        missing.remove("linli.personal-data.hash-key");
        assertThat(ProductionSettings.problems(missing::get)).containsExactly(
                "LINLI_PERSONALDATA_CURRENTKEY is not set", "LINLI_PERSONALDATA_HASHKEY is not set");

        Map<String, String> development = good();
        development.put("linli.personal-data.current-key", "dev-only-1");
        development.put("linli.personal-data.hash-key", "dev-only-personal-data-hash-key-0123456789");
        assertThat(ProductionSettings.problems(development::get)).containsExactly(
                "LINLI_PERSONALDATA_CURRENTKEY names a development key", "LINLI_PERSONALDATA_HASHKEY is a development value");

        Map<String, String> wrongSize = good();
        wrongSize.put("linli.personal-data.keys.k2026", "c2hvcnQ=");
        wrongSize.put("linli.personal-data.hash-key", "too-short");
        assertThat(ProductionSettings.problems(wrongSize::get)).containsExactly(
                "LINLI_PERSONALDATA_KEYS_K2026 must be 32 random bytes in Base64 (openssl rand -base64 32)",
                "LINLI_PERSONALDATA_HASHKEY must be at least 32 bytes long");

        Map<String, String> absentKey = good();
        absentKey.put("linli.personal-data.current-key", "k2027");
        assertThat(ProductionSettings.problems(absentKey::get)).containsExactly(
                "LINLI_PERSONALDATA_KEYS_K2027 is not set (the current personal-data key)");
    }
}
