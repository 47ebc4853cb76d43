package cn.linli.platform.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A channel hands events to those listening when they arrive: events nobody heard are gone (the next subscriber gets no
 * backlog), and a subscriber that stops reading (a socket gone quiet) neither stalls the others nor the channel.
 */
class LiveOnlyChannelTest {

    @Test
    void eventsNobodyHeardAreNotReplayedToTheNextSubscriber() {
        Sinks.Many<Integer> redis = Sinks.many().unicast().onBackpressureBuffer();
        var channel = EventBus.liveOnly(redis.asFlux());
        for (int unheard = 1; unheard <= 300; unheard++) {
            redis.tryEmitNext(unheard);
        }

        List<Integer> seen = new CopyOnWriteArrayList<>();
        Disposable subscriber = channel.subscribe(seen::add);
        redis.tryEmitNext(1000);
        redis.tryEmitNext(1001);

        assertThat(seen).containsExactly(1000, 1001);
        subscriber.dispose();
    }

    @Test
    void aSubscriberThatStopsReadingDoesNotStallTheOthers() {
        Sinks.Many<Integer> redis = Sinks.many().unicast().onBackpressureBuffer();
        var channel = EventBus.liveOnly(redis.asFlux());
        BaseSubscriber<Integer> stuck = new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                // requests nothing, like a subscription whose WebSocket stopped reading
            }
        };
        channel.subscribe(stuck);
        List<Integer> reading = new CopyOnWriteArrayList<>();
        Disposable other = channel.subscribe(reading::add);

        for (int event = 1; event <= 1000; event++) {
            redis.tryEmitNext(event);
        }

        assertThat(reading).as("a shared publish() would hold everyone to the slowest reader").hasSize(1000);
        stuck.dispose();
        other.dispose();
    }

    @Test
    void everyCurrentSubscriberGetsEachEventOnce() {
        Sinks.Many<Integer> redis = Sinks.many().unicast().onBackpressureBuffer();
        var channel = EventBus.liveOnly(redis.asFlux());
        List<Integer> first = new CopyOnWriteArrayList<>();
        List<Integer> second = new CopyOnWriteArrayList<>();
        Disposable a = channel.subscribe(first::add);
        Disposable b = channel.subscribe(second::add);

        for (int event = 1; event <= 500; event++) {
            redis.tryEmitNext(event);
        }
        a.dispose();
        redis.tryEmitNext(501);

        assertThat(first).hasSize(500).doesNotHaveDuplicates();
        assertThat(second).hasSize(501).endsWith(501);
        b.dispose();
    }

    @Test
    void aSubscriberBusyWithOneEventGetsThoseThatArriveMeanwhile() {
        Sinks.Many<Integer> redis = Sinks.many().unicast().onBackpressureBuffer();
        var channel = EventBus.liveOnly(redis.asFlux());
        List<Integer> handled = new CopyOnWriteArrayList<>();
        // asks for one event at a time, like a subscription reloading an order per event (concatMap)
        BaseSubscriber<Integer> oneAtATime = new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                request(1);
            }

            @Override
            protected void hookOnNext(Integer event) {
                handled.add(event);
            }
        };
        channel.subscribe(oneAtATime);

        for (int event = 1; event <= 5; event++) {
            redis.tryEmitNext(event); // arrive while the first is still being handled
        }
        assertThat(handled).containsExactly(1);
        oneAtATime.request(4);
        assertThat(handled).as("the sink alone dropped 2-5: no demand when they came").containsExactly(1, 2, 3, 4, 5);

        // one that stopped reading keeps only its newest events and still holds nobody back
        for (int event = 6; event <= 6 + EventBus.SUBSCRIBER_BUFFER + 9; event++) {
            redis.tryEmitNext(event);
        }
        oneAtATime.request(Long.MAX_VALUE);
        assertThat(handled).hasSize(5 + EventBus.SUBSCRIBER_BUFFER).endsWith(6 + EventBus.SUBSCRIBER_BUFFER + 9);
        oneAtATime.dispose();
    }
}
