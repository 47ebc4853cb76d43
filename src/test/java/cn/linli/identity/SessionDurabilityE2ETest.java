package cn.linli.identity;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import cn.linli.support.IntegrationTest;
import cn.linli.support.SecondInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;
import redis.embedded.RedisServer;

/**
 * Sessions are recorded in PostgreSQL; Redis only caches their state. Emptying Redis (a failover to a fresh replica,
 * a FLUSHALL) must not revive a logged-out token nor log anyone out, and with Redis unreachable requests still
 * authenticate, answering in the usual error shape when they must be refused.
 */
class SessionDurabilityE2ETest extends IntegrationTest {

    @Autowired
    ReactiveRedisConnectionFactory redis;

    @Test
    void aLoggedOutTokenStaysRefusedAfterRedisIsEmptied() {
        Login login = staff();
        logout(login);
        expectRejectedAtTheDoor(login.accessToken());

        emptyRedis();

        expectRejectedAtTheDoor(login.accessToken());
        refresh(login.refreshToken()).errors()
                .expect(error -> "UNAUTHENTICATED".equals(error.getExtensions().get("code"))).verify();
    }

    @Test
    void openSessionsSurviveAnEmptiedRedis() {
        Login login = resident();
        api(login.client(), "Me").execute().errors().verify();

        emptyRedis();

        api(login.client(), "Me").execute().path("me.id").entity(String.class).isEqualTo(String.valueOf(login.accountId()));
        refresh(login.refreshToken()).path("refreshSession.accessToken").hasValue();
    }

    @Test
    void whenRedisGoesDownTokensAreStillCheckedAgainstTheRecord() throws IOException {
        Login open = family();
        Login loggedOut = staff();
        logout(loggedOut);
        int port = freePort();
        RedisServer ownRedis = RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1").build();
        ownRedis.start();
        try (SecondInstance instance = SecondInstance.start(Map.of("REDIS_PORT", String.valueOf(port),
                "spring.data.redis.timeout", "500ms", "spring.data.redis.connect-timeout", "500ms"))) {
            WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + instance.port())
                    .responseTimeout(Duration.ofSeconds(30)).build();
            expectMe(client, open);

            ownRedis.stop();

            expectMe(client, open);
            expectRejectedAtTheDoor(client, loggedOut.accessToken());
        } finally {
            ownRedis.stop();
        }
    }

    private static void expectMe(WebTestClient client, Login login) {
        client.post().uri("/graphql").header("Authorization", "Bearer " + login.accessToken())
                .header("Content-Type", "application/json")
                .bodyValue(Map.of("query", "{ me { id } }"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.me.id").isEqualTo(String.valueOf(login.accountId()));
    }

    @Test
    void aLoginForgetsTheAccountsSessionsThatEndedLongAgoAndKeepsTheRest() {
        Login first = family();
        logout(first);
        String ended = first.refreshToken().substring(0, first.refreshToken().indexOf('.'));
        Login open = family();
        String stillOpen = open.refreshToken().substring(0, open.refreshToken().indexOf('.'));
        db.sql("update auth_session set ended_at = now() - interval '31 days' where id = :id").bind("id", ended).then().block();

        family();

        assertThat(count("select count(*) from auth_session where id = '" + ended + "'")).isZero();
        assertThat(count("select count(*) from auth_session where id = '" + stillOpen + "'")).isEqualTo(1);
        api(open.client(), "Me").execute().errors().verify();
    }

    private void logout(Login login) {
        api(anonymous(), "Logout").variable("input", Map.of("refreshToken", login.refreshToken())).execute()
                .path("logout.success").entity(Boolean.class).isEqualTo(true);
    }

    private GraphQlTester.Response refresh(String refreshToken) {
        return api(anonymous(), "RefreshSession").variable("input", Map.of("refreshToken", refreshToken)).execute();
    }

    private void emptyRedis() {
        redis.getReactiveConnection().serverCommands().flushAll().block(Duration.ofSeconds(10));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
