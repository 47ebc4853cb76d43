package cn.linli.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.linli.devservices.DevServices;
import cn.linli.devservices.WeChatSandbox;
import cn.linli.platform.crypto.PersonalDataCipher;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * End-to-end tests: the real server on a random port, real PostgreSQL and Redis, the WeChat sandbox behind the real
 * WxJava client, and clients that send the {@code api/} documents over HTTP. All subclasses share one context.
 */
// timers are fired explicitly (Timers#runDue) so tests control when deadlines pass, and no background poll
// adds statements to the SQL counts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "linli.timers.enabled=false")
@ActiveProfiles("dev")
@Import({SqlStatementCounter.Config.class, OffLoopRequests.class})
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void devServices(DynamicPropertyRegistry registry) {
        DevServices.start().forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected SqlStatementCounter sql;

    @Autowired
    protected DatabaseClient db;

    /** Phones and real names are stored sealed: assertions on them compare lookup hashes or open what they read. */
    @Autowired
    protected PersonalDataCipher cipher;

    /** A session of a logged-in client. */
    public record Login(HttpGraphQlTester client, String accessToken, String refreshToken, long accountId) {
    }

    protected WebTestClient http() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                // the full introspection answer is over the default 256 KB
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build();
    }

    /** GETs an absolute URL the server handed out (a signed photo link) as a client would; the body's bytes. */
    protected byte[] fetch(String absoluteUrl) {
        return WebTestClient.bindToServer().build().get().uri(java.net.URI.create(absoluteUrl)).exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    protected HttpGraphQlTester anonymous() {
        return HttpGraphQlTester.create(http().mutate().baseUrl("http://localhost:" + port + "/graphql").build());
    }

    protected HttpGraphQlTester withToken(String accessToken) {
        return anonymous().mutate().header("Authorization", "Bearer " + accessToken).build();
    }

    protected static GraphQlTester.Request<?> api(GraphQlTester client, String operation) {
        return client.document(ApiDocuments.load(operation)).operationName(operation);
    }

    /** Logs in through WeChat (the sandbox maps any code to a stable openid) with the LoginWithWeChat document. */
    /** The response failed with this error code (extensions.code). */
    protected static void expectCode(GraphQlTester.Response response, String code) {
        response.errors().expect(error -> code.equals(error.getExtensions().get("code"))).verify();
    }

    /** The value at {@code path} of a response that has no errors. */
    protected static String data(GraphQlTester.Request<?> request, String path) {
        GraphQlTester.Response response = request.execute();
        response.errors().verify();
        return response.path(path).entity(String.class).get();
    }

    /**
     * One real HTTP request with an api/ document ({@code token} null: anonymous): "OK", or the first error's code.
     * Safe to run from many threads at once (for concurrency tests).
     */
    @SuppressWarnings("unchecked")
    protected String call(@Nullable String token, String operation, Map<String, Object> variables) {
        WebTestClient.RequestBodySpec request = http().post().uri("/graphql").header("Content-Type", "application/json");
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        Map<String, Object> body = request.bodyValue(Map.of("query", ApiDocuments.load(operation), "operationName", operation,
                        "variables", variables))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> errors = (List<Map<String, Object>>) Objects.requireNonNull(body).get("errors");
        if (errors == null || errors.isEmpty()) {
            return "OK";
        }
        return String.valueOf(((Map<String, Object>) errors.get(0).get("extensions")).get("code"));
    }

    protected Login login(String code) {
        GraphQlTester.Response response = api(anonymous(), "LoginWithWeChat")
                .variable("input", Map.of("code", code))
                .execute();
        response.errors().verify();
        String access = response.path("loginWithWeChat.accessToken").entity(String.class).get();
        String refresh = response.path("loginWithWeChat.refreshToken").entity(String.class).get();
        long id = Long.parseLong(response.path("loginWithWeChat.account.id").entity(String.class).get());
        acceptPrivacy(id);
        return new Login(withToken(access), access, refresh, id);
    }

    /**
     * Test logins are people who already accepted the current privacy policy (issue 17), as every returning user has,
     * so flows that collect personal information run as before. Recorded directly rather than through
     * acceptPrivacyPolicy, so it spends none of the rate limits RateLimitsE2ETest counts; cn.linli.privacy tests the
     * consent flow itself with logins that skip this.
     */
    protected void acceptPrivacy(long accountId) {
        db.sql("""
                        insert into privacy_consent (account_id, policy_version)
                        select :id, max(version) from privacy_policy where published_at <= now()
                        on conflict do nothing
                        """)
                .bind("id", accountId).then().block(Duration.ofSeconds(10));
    }

    // ---- a tester per demo role (README lists the same logins) ----

    protected Login resident() {
        return login("demo-resident");
    }

    /** A member of the demo resident's household (not its head). */
    protected Login family() {
        return login("demo-family");
    }

    /** Staff of 锦城社区. */
    protected Login staff() {
        return login("demo-staff");
    }

    /** 王师傅, admin of the demo craftsman partner 王师傅水电维修 (home repair, 锦城社区). */
    protected Login partner() {
        return login("demo-partner");
    }

    /** 李姐, admin of the demo merchant 李姐家电修理铺 (supplies rewards, verifies their vouchers). */
    protected Login merchant() {
        return login("demo-merchant");
    }

    protected Login admin() {
        return login("demo-admin");
    }

    /**
     * Makes timers of this kind fall due now (all of the kind when no subject is given), so the next
     * {@code Timers#runDue} fires them: tests control time instead of waiting for it.
     */
    protected void dueNow(String kind, long... subjectIds) {
        var spec = db.sql("update timer set due_at = now() - interval '1 second' where kind = :kind"
                        + (subjectIds.length == 0 ? "" : " and subject_id = any(:subjects)"))
                .bind("kind", kind);
        if (subjectIds.length > 0) {
            spec = spec.bind("subjects", java.util.Arrays.stream(subjectIds).boxed().toArray(Long[]::new));
        }
        spec.then().block(Duration.ofSeconds(10));
    }

    /** A bad bearer token never reaches GraphQL: 401 with a GraphQL-shaped UNAUTHENTICATED error and no data. */
    protected void expectRejectedAtTheDoor(String accessToken) {
        expectRejectedAtTheDoor(http(), accessToken);
    }

    /** The same, against another server (e.g. a second instance). */
    protected static void expectRejectedAtTheDoor(WebTestClient client, String accessToken) {
        client.post().uri("/graphql")
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .bodyValue(Map.of("query", "{ me { id } }"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.data").doesNotExist();
    }

    protected static WeChatSandbox weChat() {
        return DevServices.weChat();
    }

    protected long count(String sqlText) {
        return db.sql(sqlText).map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
    }

    protected long idOf(String sqlText) {
        return count(sqlText);
    }
}
