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
}
