package cn.linli.platform.graphql;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.linli.platform.events.EventBus;
import cn.linli.support.IntegrationTest;
import cn.linli.support.WebSockets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live connection lives no longer than the access token it was opened with (issue 16, item 3): at the token's
 * {@code exp} the server closes it with 4401, though the session itself is still open (the client refreshes).
 */
@TestPropertySource(properties = "linli.jwt.access-token-ttl=30s")
class LiveTokenExpiryE2ETest extends IntegrationTest {

    @Autowired
    EventBus bus;

    private WebSockets sockets;

    @AfterEach
    void close() {
        if (sockets != null) {
            sockets.close();
        }
    }

    @Test
    void theStreamEndsWhenItsTokenExpires() {
        Login user = login("live-expiry-" + UUID.randomUUID());
        sockets = new WebSockets(port);
        AtomicBoolean live = new AtomicBoolean();

        StepVerifier.create(LiveStreams.notifications(sockets.connect(user.accessToken()), live))
                .then(() -> LiveStreams.untilLive(db, bus, user.accountId(), live))
                .expectErrorSatisfies(error -> assertThat(WebSockets.closeCode(error)).as(error.toString())
                        .isEqualTo(4401))
                .verify(Duration.ofSeconds(120));
        assertThat(count("select count(*) from auth_session where ended_at is null and account_id = " + user.accountId()))
                .as("the session is still open: only the token ran out").isEqualTo(1);
    }
}
