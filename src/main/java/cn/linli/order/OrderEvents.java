package cn.linli.order;

import java.time.Duration;

import cn.linli.platform.events.EventBus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** Order changes on the event bus: published after commit, received on every instance. */
@Component
class OrderEvents {

    private static final String CHANNEL = "orders";

    private final EventBus bus;
    private final Flux<OrderChange> changes;

    OrderEvents(EventBus bus) {
        this.bus = bus;
        // one Redis subscription per instance, made at start (so the first GraphQL subscriber misses nothing) and
        // renewed after a Redis outage, shared by every GraphQL subscriber on this instance
        this.changes = bus.subscribe(CHANNEL, OrderChange.class)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                .publish()
                .autoConnect(0);
    }

    Mono<Void> publish(OrderChange change) {
        return bus.publish(CHANNEL, change);
    }

    Flux<OrderChange> changes() {
        return changes;
    }
}
