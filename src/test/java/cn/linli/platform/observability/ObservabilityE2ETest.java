package cn.linli.platform.observability;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import cn.linli.support.ApiDocuments;
import cn.linli.support.SecondInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operations sees of a running instance: Prometheus metrics on the management port only, a request id on every
 * request (echoed, in error bodies and in the log lines of the request) and an access log without query strings.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityE2ETest {

    private static SecondInstance instance;

    @BeforeAll
    static void start() {
        instance = SecondInstance.start(Map.of("management.server.port", "0"));
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    private static WebTestClient publicPort() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + instance.port())
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static WebTestClient managementPort() {
        String port = instance.context().getEnvironment().getProperty("local.management.port");
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static WebTestClient.ResponseSpec login(String code, String requestId) {
        return publicPort().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header(RequestIds.HEADER, requestId)
                .bodyValue(Map.of("query", ApiDocuments.load("LoginWithWeChat"), "operationName", "LoginWithWeChat",
                        "variables", Map.of("input", Map.of("code", code))))
                .exchange();
    }

    private static String scrape() {
        return managementPort().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void prometheusShowsGraphQlTimingsPerOperationAndWeChatOutcomes() {
        login("demo-resident", "metrics-login").expectStatus().isOk()
                .expectBody().jsonPath("$.data.loginWithWeChat.accessToken").exists();
        publicPort().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "query Invented { __typename }")).exchange().expectStatus().isOk();

        String metrics = scrape();
        assertThat(metrics)
                .containsPattern("graphql_request_seconds_count\\{[^}]*graphql_operation=\"LoginWithWeChat\"[^}]*} [1-9]")
                .as("an operation not in api/ is counted as other, not by its name")
                .containsPattern("graphql_request_seconds_count\\{[^}]*graphql_operation=\"other\"")
                .doesNotContain("Invented")
                .containsPattern("linli_wechat_calls_total\\{call=\"login\",outcome=\"success\"} [1-9]")
                .contains("linli_wechat_calls_total{call=\"pay_refund\",outcome=\"failure\"} 0.0")
                .contains("linli_outbox_pending")
                .contains("r2dbc_pool_acquired_connections")
                .as("no per-field timers").doesNotContain("graphql_datafetcher");
    }

    @Test
    void actuatorIsNotOnThePublicPort() {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/env", "/actuator/metrics"}) {
            publicPort().get().uri(path).exchange().expectStatus().isNotFound()
                    .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("NOT_FOUND");
        }
        managementPort().get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void aSaneRequestIdIsEchoedAndAnyOtherIsReplaced() {
        publicPort().get().uri("/actuator/health").header(RequestIds.HEADER, "client-id_42").exchange()
                .expectHeader().valueEquals(RequestIds.HEADER, "client-id_42");
        assertThat(echoed(() -> publicPort().get().uri("/no-such-path").exchange())).matches("[0-9a-f]{32}");
        assertThat(echoed(() -> publicPort().get().uri("/no-such-path").header(RequestIds.HEADER, "a b\"c").exchange()))
                .matches("[0-9a-f]{32}");
        assertThat(echoed(() -> publicPort().get().uri("/no-such-path").header(RequestIds.HEADER, "x".repeat(65)).exchange()))
                .matches("[0-9a-f]{32}");
    }

    private static String echoed(Supplier<WebTestClient.ResponseSpec> request) {
        return request.get().returnResult(String.class).getResponseHeaders().getFirst(RequestIds.HEADER);
    }

    @Test
    void errorsCarryTheRequestId() {
        login("invalid-code", "rejected-login").expectStatus().isOk()
                .expectHeader().valueEquals(RequestIds.HEADER, "rejected-login")
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("WECHAT_LOGIN_FAILED")
                .jsonPath("$.errors[0].extensions.requestId").isEqualTo("rejected-login");
        publicPort().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header(RequestIds.HEADER, "bad-syntax")
                .bodyValue(Map.of("query", "{ me { ")).exchange()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].extensions.requestId").isEqualTo("bad-syntax");
        publicPort().get().uri("/no-such-path").header(RequestIds.HEADER, "unknown-path").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errors[0].extensions.requestId").isEqualTo("unknown-path");
    }

    @Test
    void logLinesOfARequestCarryItsIdAndTheAccessLogHasNoQueryString(CapturedOutput output) {
        // the refusal is logged by WxJavaMiniApp on a bounded-elastic thread, not the thread that took the request
        login("invalid-code", "mdc-check").expectStatus().isOk();
        publicPort().get().uri("/photos/1?sig=secret-signature&exp=1").header(RequestIds.HEADER, "access-log").exchange();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getAll())
                .containsPattern("\\[mdc-check\\] .*WeChat jscode2session refused")
                .containsPattern("POST /graphql 200 \\d+ms requestId=mdc-check")
                .containsPattern("GET /photos/1 \\d{3} \\d+ms requestId=access-log"));
        assertThat(output.getAll()).doesNotContain("secret-signature");
    }
}
