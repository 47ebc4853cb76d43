package cn.linli.platform.graphql;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.linli.platform.events.EventBus;
import cn.linli.support.IntegrationTest;
import cn.linli.support.WebSockets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live connection ends with its session (issue 16, item 3): after {@code logout} the server closes it with 4401
 * "Unauthorized" (graphql-transport-ws), as HTTP answers 401; the client refreshes and reconnects.
 */
class LiveSessionEndE2ETest extends IntegrationTest {

    @Autowired
    EventBus bus;

    private final AtomicBoolean live = new AtomicBoolean();
    private WebSockets sockets;

    @AfterEach
    void close() {
        if (sockets != null) {
            sockets.close();
        }
    }

    @Test
    void logoutEndsTheOpenStream() {
        Login user = login("live-logout-" + UUID.randomUUID());
        sockets = new WebSockets(port);

        StepVerifier.create(LiveStreams.notifications(sockets.connect(user.accessToken()), live))
                .then(() -> LiveStreams.untilLive(db, bus, user.accountId(), live))
                .then(() -> api(user.client(), "Logout")
                        .variable("input", Map.of("refreshToken", user.refreshToken())).execute()
                        .path("logout.success").entity(Boolean.class).isEqualTo(true))
                .expectErrorSatisfies(error -> assertThat(WebSockets.closeCode(error)).as(error.toString())
                        .isEqualTo(4401))
                .verify(Duration.ofSeconds(120));
        expectRejectedAtTheDoor(user.accessToken());
    }
}
