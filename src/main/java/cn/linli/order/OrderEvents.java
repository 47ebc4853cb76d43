package cn.linli.order;

import cn.linli.platform.events.EventBus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Order changes on the event bus: a transition publishes an {@link OrderChange} domain event once, inside its
 * transaction; this relays it to Redis after commit, and every instance receives it.
 */
@Component
class OrderEvents {

    private static final String CHANNEL = "orders";

    private final EventBus bus;
    private final Flux<OrderChange> changes;

    OrderEvents(EventBus bus) {
        this.bus = bus;
        this.changes = bus.channel(CHANNEL, OrderChange.class);
    }

    /** After commit only (never for a rolled-back attempt); a Redis failure is logged by the bus, not thrown. */
    @TransactionalEventListener
    void relay(OrderChange change) {
        publish(change).subscribe();
    }

    Mono<Void> publish(OrderChange change) {
        return bus.publish(CHANNEL, change);
    }

    Flux<OrderChange> changes() {
        return changes;
    }
}
