package cn.linli.order;

import cn.linli.platform.events.EventBus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Order changes on the event bus: published after commit, received on every instance. */
@Component
class OrderEvents {

    private static final String CHANNEL = "orders";

    private final EventBus bus;
    private final Flux<OrderChange> changes;

    OrderEvents(EventBus bus) {
        this.bus = bus;
        // one Redis subscription per instance, shared by every GraphQL subscriber on it
        this.changes = bus.subscribe(CHANNEL, OrderChange.class).share();
    }

    Mono<Void> publish(OrderChange change) {
        return bus.publish(CHANNEL, change);
    }

    Flux<OrderChange> changes() {
        return changes;
    }
}
