package cn.linli.notification;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import cn.linli.platform.events.EventBus;
import cn.linli.support.ApiDocuments;
import cn.linli.support.IntegrationTest;
import cn.linli.support.WebSockets;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.Disposable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications announced while nobody listened are not replayed to the next {@code notificationReceived} subscriber
 * (issue 16, item 2): it hears only what is announced after it subscribed.
 */
class NotificationBacklogE2ETest extends IntegrationTest {

    @Autowired
    EventBus bus;

    private WebSockets sockets;
    private Disposable stream;

    @AfterEach
    void close() {
        if (stream != null) {
            stream.dispose();
        }
        if (sockets != null) {
            sockets.close();
        }
    }

    private void notice(long accountId, String kind) {
        db.sql("insert into notification (account_id, kind, title, body, page) values (:account, :kind, '通知', '通知',"
                + " 'pages/index/index')").bind("account", accountId).bind("kind", kind).then()
                .block(Duration.ofSeconds(10));
    }

    private void announce(long accountId) {
        bus.publish(NotificationFanout.CHANNEL, accountId).block(Duration.ofSeconds(5));
    }

    @Test
    void notificationsNobodyHeardAreNotReplayed() {
        Login user = login("backlog-" + UUID.randomUUID());
        for (int i = 0; i < 50; i++) {
            notice(user.accountId(), "BACKLOG");
            announce(user.accountId()); // nobody listens
        }
        sockets = new WebSockets(port);
        List<String> heard = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        stream = sockets.connect(user.accessToken()).document(ApiDocuments.load("NotificationReceived"))
                .operationName("NotificationReceived").executeSubscription()
                .toFlux("notificationReceived.kind", String.class)
                .subscribe(heard::add, failure::set);

        notice(user.accountId(), "PROBE");
        int[] probes = {0};
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            announce(user.accountId());
            probes[0]++;
            return !heard.isEmpty() || failure.get() != null;
        });
        notice(user.accountId(), "AFTER");
        announce(user.accountId());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> heard.contains("AFTER") || failure.get() != null);

        assertThat(failure.get()).isNull();
        assertThat(heard).as("only what was announced while listening").doesNotContain("BACKLOG")
                .hasSizeLessThanOrEqualTo(probes[0] + 1);
    }
}
