package cn.linli.platform.events;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans events out to every app instance through Redis pub/sub, so a subscriber connected to one instance sees changes
 * made through another. Publish only after the change is committed: a subscriber reloads what it shows from the
 * database, and must find the change there.
 */
@Component
public class EventBus {

    private static final Logger log = LoggerFactory.getLogger(EventBus.class);
    private static final String PREFIX = "linli:events:";

    private final ReactiveStringRedisTemplate redis;
    private final ReactiveRedisMessageListenerContainer listeners;
    private final JsonMapper json;

    EventBus(ReactiveStringRedisTemplate redis, ReactiveRedisMessageListenerContainer listeners, JsonMapper json) {
        this.redis = redis;
        this.listeners = listeners;
        this.json = json;
    }

    /** Publishes; a Redis failure is logged, not thrown: the change it reports is already committed. */
    public Mono<Void> publish(String channel, Object event) {
        return Mono.fromCallable(() -> json.writeValueAsString(event))
                .flatMap(text -> redis.convertAndSend(PREFIX + channel, text))
                .doOnError(ex -> log.warn("Could not publish {} event: {}", channel, ex.toString()))
                .onErrorResume(ex -> Mono.empty())
                .then();
    }

    public <T> Flux<T> subscribe(String channel, Class<T> type) {
        return listeners.receive(ChannelTopic.of(PREFIX + channel))
                .map(message -> json.readValue(message.getMessage(), type));
    }

    /**
     * One Redis subscription per instance for this channel, made now (so the first GraphQL subscriber misses nothing)
     * and renewed after a Redis outage, shared by every subscriber on this instance. Features keep the returned flux in
     * a field and filter it per subscriber.
     * <p>
     * An event reaches the subscribers listening when it arrives and no one else: with nobody listening it is dropped,
     * never kept for the next subscriber (a {@code publish()} would queue up to 256 stale events, replay them to the next
     * subscriber, and stop reading Redis once full — losing the live ones). Subscribers reload what they show anyway.
     */
    public <T> Flux<T> channel(String channel, Class<T> type) {
        // a Redis subscription ends with an error (Redis down) or quietly (its connection closed): renew it either way
        return liveOnly(subscribe(channel, type)
                .doOnComplete(() -> log.warn("Redis subscription to {} ended; renewing it", channel))
                .doOnError(ex -> log.warn("Redis subscription to {} failed; renewing it: {}", channel, ex.toString()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(30)))
                .repeatWhen(ended -> ended.delayElements(Duration.ofMillis(100))));
    }

    /** Events a subscriber may have waiting while it handles earlier ones; beyond that its oldest are dropped. */
    static final int SUBSCRIBER_BUFFER = 256;

    /**
     * Subscribes to {@code upstream} now and hands each item to whoever listens at that moment; nothing is kept for
     * later subscribers. Each subscriber has its own bounded buffer: the sink alone drops an item for a subscriber
     * without demand at that instant — and a subscriber handling one event at a time (reloading an order) has none
     * while it works, so under load it silently lost the events that came meanwhile. With the buffer a busy subscriber
     * gets them a moment later, and one that stopped reading loses only its own oldest, never holding back the others.
     */
    static <T> Flux<T> liveOnly(Flux<T> upstream) {
        Sinks.Many<T> live = Sinks.many().multicast().directBestEffort();
        upstream.subscribe(live::tryEmitNext); // no subscriber: dropped
        return live.asFlux().onBackpressureBuffer(SUBSCRIBER_BUFFER, dropped -> log.debug("Live event dropped for a "
                + "subscriber that stopped reading: {}", dropped), BufferOverflowStrategy.DROP_OLDEST);
    }
}
