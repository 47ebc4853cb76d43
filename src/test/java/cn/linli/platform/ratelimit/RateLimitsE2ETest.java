package cn.linli.platform.ratelimit;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

import cn.linli.support.ApiDocuments;
import cn.linli.support.IntegrationTest;
import cn.linli.support.TestPhotos;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rate limit trips with TOO_MANY_REQUESTS and a Retry-After, and only for the account or address that spent it
 * (issue 16 item 8). Low limits per hour (no refill during the test) in a context of its own, with a Redis key prefix
 * of its own; other client addresses are real: the test's connections leave from 127.0.0.x.
 */
@TestPropertySource(properties = {
        "linli.rate-limits.key-prefix=rate-test-${random.uuid}:",
        "linli.rate-limits.login.requests=30", "linli.rate-limits.login.per=1h",
        "linli.rate-limits.anonymous.requests=60", "linli.rate-limits.anonymous.per=1h",
        "linli.rate-limits.requests.requests=40", "linli.rate-limits.requests.per=1h",
        "linli.rate-limits.mutations.requests=5", "linli.rate-limits.mutations.per=1h",
        "linli.rate-limits.uploads.requests=3", "linli.rate-limits.uploads.per=1h",
        "linli.rate-limits.subscriptions.requests=3", "linli.rate-limits.subscriptions.per=1h"})
class RateLimitsE2ETest extends IntegrationTest {

    /** A client whose connections come from {@code address} (any 127.x address is this machine). */
    private WebTestClient from(String address) {
        HttpClient client = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(client))
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    private static WebTestClient.ResponseSpec post(WebTestClient client, String operation, Map<String, Object> variables,
                                                   String... headers) {
        WebTestClient.RequestBodySpec request = client.post().uri("/graphql").header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request = request.header(headers[i], headers[i + 1]);
        }
        return request.bodyValue(Map.of("query", ApiDocuments.load(operation), "operationName", operation,
                "variables", variables)).exchange();
    }

    private static WebTestClient.ResponseSpec post(WebTestClient client, String operation, Map<String, Object> variables,
                                                   Login login) {
        return post(client, operation, variables, HttpHeaders.AUTHORIZATION, "Bearer " + login.accessToken());
    }

    private static Map<String, Object> code(String code) {
        return Map.of("input", Map.of("code", code));
    }

    /** 200 with the GraphQL error TOO_MANY_REQUESTS, its retryAfter, and the same in the Retry-After header. */
    private static void expectRefusedInGraphQl(WebTestClient.ResponseSpec response) {
        EntityExchangeResult<byte[]> result = response.expectStatus().isOk()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("TOO_MANY_REQUESTS")
                .jsonPath("$.errors[0].extensions.retryAfter").isNumber()
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).startsWith("操作太频繁"))
                .returnResult();
        assertRetryAfter(result.getResponseHeaders());
    }

    /** 429 with Retry-After and the GraphQL error shape, before GraphQL runs. */
    private static void expectRefusedAtTheDoor(WebTestClient.ResponseSpec response) {
        EntityExchangeResult<byte[]> result = response.expectStatus().isEqualTo(429)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("TOO_MANY_REQUESTS")
                .jsonPath("$.data").doesNotExist()
                .returnResult();
        assertRetryAfter(result.getResponseHeaders());
    }

    private static void assertRetryAfter(HttpHeaders headers) {
        assertThat(Long.parseLong(headers.getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 3600L);
    }

    private static void expectServed(WebTestClient.ResponseSpec response) {
        response.expectStatus().isOk().expectBody().jsonPath("$.errors").doesNotExist();
    }

    @Test
    void loginsPerAddressAndAForgedForwardedForDoesNotEscape() {
        WebTestClient attacker = from("127.0.0.3");
        for (int i = 0; i < 30; i++) {
            expectServed(post(attacker, "LoginWithWeChat", code("rate-login-" + (i % 3))));
        }
        expectRefusedInGraphQl(post(attacker, "LoginWithWeChat", code("rate-login-0")));
        // the app trusts no X-Forwarded-For unless configured behind a proxy: a client cannot pose as another address
        expectRefusedInGraphQl(post(attacker, "LoginWithWeChat", code("rate-login-0"), "X-Forwarded-For", "10.1.2.3"));
        expectServed(post(from("127.0.0.4"), "LoginWithWeChat", code("rate-login-0")));
    }

    @Test
    void anonymousRequestsPerAddress() {
        WebTestClient stranger = from("127.0.0.5");
        for (int i = 0; i < 60; i++) {
            expectServed(post(stranger, "ErrorCodes", Map.of()));
        }
        expectRefusedAtTheDoor(post(stranger, "ErrorCodes", Map.of()));
        // a resident behind the same address is counted by account
        expectServed(post(stranger, "Me", Map.of(), login("rate-anonymous-neighbour")));
        expectServed(post(from("127.0.0.6"), "ErrorCodes", Map.of()));
    }

    @Test
    void requestsPerAccount() {
        Login busy = login("rate-requests-busy");
        Login other = login("rate-requests-other");
        for (int i = 0; i < 40; i++) {
            expectServed(post(http(), "Me", Map.of(), busy));
        }
        expectRefusedAtTheDoor(post(http(), "Me", Map.of(), busy));
        expectServed(post(http(), "Me", Map.of(), other));
    }

    @Test
    void mutationsPerAccountCountingEveryAliasedField() {
        Login busy = login("rate-mutations-busy");
        Login other = login("rate-mutations-other");
        StringBuilder five = new StringBuilder("mutation {");
        for (int i = 0; i < 5; i++) {
            five.append(" u").append(i).append(": updateMyProfile(input: {nickname: \"改名").append(i).append("\"}) { id }");
        }
        http().post().uri("/graphql").header("Content-Type", "application/json")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + busy.accessToken())
                .bodyValue(Map.of("query", five.append(" }").toString())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.errors").doesNotExist();
        Map<String, Object> rename = Map.of("input", Map.of("nickname", "再改名"));
        expectRefusedInGraphQl(post(http(), "UpdateMyProfile", rename, busy));
        // queries are not mutations
        expectServed(post(http(), "Me", Map.of(), busy));
        expectServed(post(http(), "UpdateMyProfile", rename, other));
    }

    @Test
    void uploadsPerAccount() {
        Login busy = login("rate-uploads-busy");
        Login other = login("rate-uploads-other");
        for (int i = 0; i < 3; i++) {
            TestPhotos.upload(http(), busy.accessToken(), TestPhotos.png()).expectStatus().isCreated();
        }
        expectRefusedAtTheDoor(TestPhotos.upload(http(), busy.accessToken(), TestPhotos.png()));
        TestPhotos.upload(http(), other.accessToken(), TestPhotos.png()).expectStatus().isCreated();
    }

    @Test
    void subscriptionStartsPerAccount() {
        WebSocketGraphQlClient busy = socketOf(login("rate-subscriptions-busy"));
        WebSocketGraphQlClient other = socketOf(login("rate-subscriptions-other"));
        try {
            // a campaign that does not exist: each subscription passes the limiter, then ends at once with NOT_FOUND
            for (int i = 0; i < 3; i++) {
                assertThat(startSubscription(busy)).isNotEqualTo("TOO_MANY_REQUESTS");
            }
            assertThat(startSubscription(busy)).isEqualTo("TOO_MANY_REQUESTS");
            assertThat(startSubscription(other)).isNotEqualTo("TOO_MANY_REQUESTS");
        } finally {
            busy.stop().block(Duration.ofSeconds(10));
            other.stop().block(Duration.ofSeconds(10));
        }
    }

    private WebSocketGraphQlClient socketOf(Login login) {
        return WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + login.accessToken()));
                    }
                })
                .build();
    }

    /** The error code the subscription ended with ("DATA" if it sent data, "COMPLETED" if it ended without either). */
    private static String startSubscription(WebSocketGraphQlClient client) {
        return client.document(ApiDocuments.load("CampaignProgressUpdates"))
                .variable("campaignId", "987654321")
                .executeSubscription()
                .map(RateLimitsE2ETest::outcome)
                .onErrorResume(SubscriptionErrorException.class, error -> Mono.just(codeOf(error.getErrors().get(0))))
                .next()
                .defaultIfEmpty("COMPLETED")
                .block(Duration.ofSeconds(20));
    }

    private static String outcome(ClientGraphQlResponse response) {
        return response.getErrors().isEmpty() ? "DATA" : String.valueOf(response.getErrors().get(0).getExtensions().get("code"));
    }

    private static String codeOf(ResponseError error) {
        return String.valueOf(error.getExtensions().get("code"));
    }
}
