package cn.linli.platform.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A channel hands events to those listening when they arrive. Events nobody heard are gone: the next subscriber does
 * not get a backlog (an outside review saw 300 unheard notifications delivered as 300 copies to the next subscriber),
 * and an unheard backlog never stops the channel reading.
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
