package cn.linli.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import cn.linli.devservices.DevServices;
import cn.linli.support.SecondInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production profile refuses to start without real secrets, or with development ones. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileTest {

    private static final String REAL_LOOKING_SECRET = "0f8a3c9d2b7e4f1a6c5d8e9b0a1f2c3d4e5f6a7b";

    /** Started before the tests: their start-up lines name Redis, which one test must not see among its own. */
    @org.junit.jupiter.api.BeforeAll
    static void devServices() {
        DevServices.start();
    }

    @Test
    void refusesToStartWithoutAJwtSecret() {
        Map<String, Object> settings = productionSettings();
        settings.remove("LINLI_JWT_SECRET");
        assertThatThrownBy(() -> start(settings))
                .hasStackTraceContaining("LINLI_JWT_SECRET");
    }

    @Test
    void refusesToStartWithoutWeChatCredentials() {
        Map<String, Object> settings = productionSettings();
        settings.remove("WECHAT_SECRET");
        assertThatThrownBy(() -> start(settings))
                .hasStackTraceContaining("WECHAT_APPID and WECHAT_SECRET");
    }

    @Test
    void refusesToStartWithDevelopmentValues() {
        Map<String, Object> settings = productionSettings();
        settings.put("LINLI_JWT_SECRET", "dev-only-jwt-secret-0123456789-abcdefghijklmnop");
        settings.put("WECHAT_API_HOST", "http://127.0.0.1:9999");
        assertThatThrownBy(() -> start(settings))
                .hasStackTraceContaining("Refusing to start the prod profile")
                .hasStackTraceContaining("LINLI_JWT_SECRET is a development value")
                .hasStackTraceContaining("WECHAT_API_HOST must be https://api.weixin.qq.com");
    }

    @Test
    void refusesToStartWithoutAPublicHttpsAddressForPhotoLinks() {
        Map<String, Object> settings = productionSettings();
        settings.put("LINLI_PUBLIC_URL", "http://linli.example.cn");
        assertThatThrownBy(() -> start(settings))
                .hasStackTraceContaining("LINLI_PUBLIC_URL must be the public https address");
    }

    @Test
    void reportsEveryMissingSettingAtOnceBeforeConnectingToAnything(CapturedOutput output) {
        Map<String, Object> settings = productionSettings();
        settings.remove("DB_PASSWORD");
        settings.remove("LINLI_JWT_SECRET");
        settings.remove("WECHAT_SECRET");
        settings.put("WECHAT_PAY_NOTIFY_URL", "http://linli.example.cn/wechat/pay/notify");
        settings.put("REDIS_PORT", "1"); // nothing listens there: a connection attempt would log a Redis failure
        // only what this start wrote: the capture also holds the earlier tests' output of this class
        int before = output.getAll().length();
        assertThatThrownBy(() -> start(settings))
                .hasMessageContaining("DB_PASSWORD is not set")
                .hasMessageContaining("LINLI_JWT_SECRET is not set")
                .hasMessageContaining("WECHAT_APPID and WECHAT_SECRET must be set")
                .hasMessageContaining("WECHAT_PAY_NOTIFY_URL must be the public https address");
        assertThat(output.getAll().substring(before)).doesNotContainIgnoringCase("redis").doesNotContain("Connection refused");
    }

    @Test
    void refusesToStartWithAShortJwtSecret() {
        Map<String, Object> settings = productionSettings();
        settings.put("LINLI_JWT_SECRET", "too-short");
        assertThatThrownBy(() -> start(settings)).hasStackTraceContaining("at least 32 bytes");
    }

    @Test
    void startsWithRealSecretsWithoutDemoDataOrGraphiql() throws Exception {
        Map<String, Object> settings = productionSettings();
        settings.put("DB_NAME", freshDatabase());
        try (SecondInstance instance = SecondInstance.start("prod", settings)) {
            DatabaseClient db = instance.context().getBean(DatabaseClient.class);
            assertThat(db.sql("select count(*) from account").map(row -> row.get(0, Long.class)).one().block())
                    .as("no demo data in production").isZero();
            int port = instance.port();
            WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
            client.get().uri("/graphiql").exchange().expectStatus().isNotFound();
            // the schema is not open to strangers: introspection is refused, not answered
            client.post().uri("/graphql").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("query", "{ __schema { types { name } } }"))
                    .exchange()
                    .expectBody()
                    .jsonPath("$.data.__schema").doesNotExist()
                    .jsonPath("$.errors[0].extensions.code").isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void servesMetricsAndHealthOnlyOnTheManagementPortAndLogsJson(CapturedOutput output) throws Exception {
        Map<String, Object> settings = productionSettings();
        settings.put("DB_NAME", freshDatabase());
        settings.put("MANAGEMENT_PORT", "0");
        try (SecondInstance instance = SecondInstance.start("prod", settings)) {
            WebTestClient publicPort = WebTestClient.bindToServer().baseUrl("http://localhost:" + instance.port()).build();
            String management = instance.context().getEnvironment().getProperty("local.management.port");
            assertThat(management).isNotNull().isNotEqualTo(String.valueOf(instance.port()));
            WebTestClient managementPort = WebTestClient.bindToServer().baseUrl("http://localhost:" + management).build();
            publicPort.post().uri("/graphql").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .header("X-Request-Id", "prod-json-check")
                    .bodyValue(Map.of("query", "{ __typename }"))
                    .exchange().expectStatus().isOk();
            for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/env"}) {
                publicPort.get().uri(path).exchange().expectStatus().isNotFound();
            }
            managementPort.get().uri("/actuator/health").exchange().expectStatus().isOk();
            String metrics = managementPort.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(metrics).contains("graphql_request_seconds_count", "linli_wechat_calls_total");
            // one JSON object per line (ECS); the access line of the request above is among them
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(output.getAll()).containsPattern(
                            "\\{\"@timestamp\".*\"message\":\"POST /graphql 200 \\d+ms requestId=prod-json-check\".*\"ecs\":\\{\"version\""));
        }
    }

    /** An empty database of its own, so the production migrations run without the demo data. */
    private static String freshDatabase() throws Exception {
        Map<String, String> dev = DevServices.start();
        String name = "linli_prod_check_" + System.nanoTime();
        String url = "jdbc:postgresql://" + dev.get("DB_HOST") + ":" + dev.get("DB_PORT") + "/" + dev.get("DB_NAME");
        try (Connection connection = DriverManager.getConnection(url, dev.get("DB_USER"), dev.get("DB_PASSWORD"));
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return name;
    }

    /** Real-looking settings against the dev database, so only the value under test can stop the start. */
    private static Map<String, Object> productionSettings() {
        Map<String, Object> settings = new HashMap<>(DevServices.start());
        settings.remove("WECHAT_API_HOST");
        settings.remove("WECHAT_PAY_API_HOST");
        settings.remove("WECHAT_PAY_HTTP_PROXY");
        settings.put("WECHAT_PAY_NOTIFY_URL", "https://linli.example.cn/wechat/pay/notify");
        settings.put("LINLI_JWT_SECRET", REAL_LOOKING_SECRET);
        settings.put("LINLI_PUBLIC_URL", "https://linli.example.cn");
        settings.put("WECHAT_APPID", "wx1234567890abcdef");
        settings.put("WECHAT_SECRET", "3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c");
        settings.put("LINLI_PERSONALDATA_CURRENTKEY", "k2026");
        settings.put("linli.personal-data.keys.k2026", "q83vEjRWeJoSNFZ4mrze8BI0VniavN7wEjRWeJq83vA=");
        settings.put("LINLI_PERSONALDATA_HASHKEY", "7d1c9e0f2a4b6c8d0e1f3a5b7c9d1e2f4a6b8c0d");
        settings.put("server.port", "0");
        return settings;
    }

    private static void start(Map<String, Object> settings) {
        SecondInstance.start("prod", settings).close();
    }
}
