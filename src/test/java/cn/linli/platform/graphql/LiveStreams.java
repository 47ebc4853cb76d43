package cn.linli.platform.graphql;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.linli.platform.events.EventBus;
import cn.linli.support.ApiDocuments;
import org.awaitility.Awaitility;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/** A live {@code notificationReceived} stream for the session tests, made live by probes (no guessing with sleeps). */
final class LiveStreams {

    private LiveStreams() {
    }

    /** The account's notification stream; every item marks it live. Items are dropped: the tests wait for its end. */
    static Flux<String> notifications(WebSocketGraphQlTester socket, AtomicBoolean live) {
        return socket.document(ApiDocuments.load("NotificationReceived")).operationName("NotificationReceived")
                .executeSubscription().toFlux("notificationReceived.kind", String.class)
                .doOnNext(kind -> live.set(true))
                .filter(kind -> false);
    }

    /** Announces an in-app notification of the account until its stream has received one. */
    static void untilLive(DatabaseClient db, EventBus bus, long accountId, AtomicBoolean live) {
        db.sql("insert into notification (account_id, kind, title, body, page) values (:account, 'PROBE', '探测', '探测',"
                + " 'pages/index/index')").bind("account", accountId).then().block(Duration.ofSeconds(10));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            bus.publish("notifications", accountId).block(Duration.ofSeconds(5));
            return live.get();
        });
    }
}
