package cn.linli.festival;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import cn.linli.support.ApiDocuments;
import cn.linli.support.WebSockets;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fan-out (issue 16, item 4): subscriptions are capped per connection (20) and per account (50), refused beyond with
 * TOO_MANY_SUBSCRIPTIONS and accepted again once others end; a campaign's progress is recomputed once per change
 * however many subscribe to it.
 */
class CampaignProgressFanOutE2ETest extends FestivalTestBase {

    private WebSockets live;
    private final List<Disposable> streams = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        streams.forEach(Disposable::dispose);
        if (live != null) {
            live.close();
        }
    }

    private WebSocketGraphQlTester socket(Login login) {
        if (live == null) {
            live = new WebSockets(port);
        }
        return live.connect(login.accessToken());
    }

    private static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
    }

    /** Waits until {@code count} subscriptions were served or one failed; on a timeout says how many were served. */
    private static void awaitServed(List<Integer> served, int count, AtomicReference<Throwable> failure) {
        await().alias("subscriptions served: expected " + count)
                .untilAsserted(() -> assertThat(served.size() == count || failure.get() != null)
                        .as("served %d of %d", served.size(), count).isTrue());
        assertThat(failure.get()).isNull();
    }

    private String openCampaign() {
        return createAndPublish(staff(), campaignInput("中秋邻里节", "2031-09-20", 1_000_000, "ALL_OR_NOTHING", 5));
    }

    /** Subscribes to the campaign's progress; each value raised is added to {@code seen}, a failure kept. */
    private void watch(WebSocketGraphQlTester socket, String campaign, List<Integer> seen,
                       AtomicReference<Throwable> failure) {
        streams.add(progress(socket, campaign).subscribe(seen::add, failure::set));
    }

    /**
     * Subscribes and adds the stream's first value only to {@code served}: the caps are about which subscriptions are
     * served, and a change that reaches the channel late (the campaign's own publication, under load) may give the
     * open streams a second value.
     */
    private void serve(WebSocketGraphQlTester socket, String campaign, List<Integer> served,
                       AtomicReference<Throwable> failure) {
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean();
        streams.add(progress(socket, campaign).subscribe(value -> {
            if (first.compareAndSet(false, true)) {
                served.add(value);
            }
        }, failure::set));
    }

    private reactor.core.publisher.Flux<Integer> progress(WebSocketGraphQlTester socket, String campaign) {
        return socket.document(ApiDocuments.load("CampaignProgressUpdates"))
                .operationName("CampaignProgressUpdates").variable("campaignId", campaign)
                .executeSubscription().toFlux("campaignProgress.moneyRaisedFen", Integer.class);
    }

    private void expectRefused(WebSocketGraphQlTester socket, String campaign) {
        StepVerifier.create(socket.document(ApiDocuments.load("CampaignProgressUpdates"))
                        .operationName("CampaignProgressUpdates").variable("campaignId", campaign)
                        .executeSubscription().toFlux())
                .expectErrorSatisfies(error -> {
                    assertThat(WebSockets.errorCode(error)).as(error.toString()).isEqualTo("TOO_MANY_SUBSCRIPTIONS");
                    assertThat(error.getMessage()).contains("订阅");
                })
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void subscriptionsAreCappedPerConnectionAndPerAccount() {
        String campaign = openCampaign();
        Login user = login("fan-out-" + UUID.randomUUID());
        List<Integer> seen = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();

        WebSocketGraphQlTester first = socket(user);
        for (int i = 0; i < 20; i++) {
            serve(first, campaign, seen, failure);
        }
        awaitServed(seen, 20, failure);
        expectRefused(first, campaign); // the 21st on one connection

        // five end; five more fit again
        for (int i = 0; i < 5; i++) {
            streams.remove(0).dispose();
        }
        for (int i = 0; i < 5; i++) {
            serve(first, campaign, seen, failure);
        }
        awaitServed(seen, 25, failure);
        expectRefused(first, campaign);

        // across connections: 20 + 20 + 10 = 50 for the account, then no more
        WebSocketGraphQlTester second = socket(user);
        WebSocketGraphQlTester third = socket(user);
        for (int i = 0; i < 20; i++) {
            serve(second, campaign, seen, failure);
        }
        for (int i = 0; i < 10; i++) {
            serve(third, campaign, seen, failure);
        }
        awaitServed(seen, 55, failure);
        expectRefused(third, campaign);
        // another account is not held back by this one
        WebSocketGraphQlTester other = socket(login("fan-out-" + UUID.randomUUID()));
        serve(other, campaign, seen, failure);
        awaitServed(seen, 56, failure);
    }

    @Test
    void progressIsComputedOncePerChangeHoweverManySubscribe() {
        String campaign = openCampaign();
        Login resident = resident();
        List<List<Integer>> subscribers = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<WebSocketGraphQlTester> connections = List.of(socket(login("fan-out-" + UUID.randomUUID())),
                socket(login("fan-out-" + UUID.randomUUID())));

        List<Integer> only = new CopyOnWriteArrayList<>();
        subscribers.add(only);
        watch(connections.get(0), campaign, only, failure);
        await().until(() -> only.size() == 1 || failure.get() != null);
        int withOne = progressComputationsFor(resident, campaign, 2_000, subscribers, failure);

        for (int i = 0; i < 11; i++) {
            List<Integer> seen = new CopyOnWriteArrayList<>();
            subscribers.add(seen);
            watch(connections.get(i % 2), campaign, seen, failure);
        }
        await().until(() -> subscribers.stream().allMatch(seen -> !seen.isEmpty()) || failure.get() != null);
        int withTwelve = progressComputationsFor(resident, campaign, 3_000, subscribers, failure);

        assertThat(withOne).as("a change recomputes the progress").isPositive();
        assertThat(withTwelve).as("12 subscribers share the one recomputation").isEqualTo(withOne);
    }

    /** Statements summing the campaign's pledges run while one paid pledge reaches every subscriber. */
    private int progressComputationsFor(Login resident, String campaign, int amountFen, List<List<Integer>> subscribers,
                                        AtomicReference<Throwable> failure) {
        String pledge = pledgeMoney(resident, campaign, amountFen);
        AtomicInteger expected = new AtomicInteger();
        subscribers.get(0).stream().mapToInt(Integer::intValue).max().ifPresent(raised -> expected.set(raised + amountFen));
        sql.reset();
        assertThat(weChat().pay().complete(outTradeNo(pledge), true)).isEqualTo(204);
        await().until(() -> subscribers.stream().allMatch(seen -> seen.contains(expected.get())) || failure.get() != null);
        assertThat(failure.get()).isNull();
        return (int) sql.statements().stream().filter(statement -> statement.contains("grouping sets")).count();
    }
}
