package cn.linli.notification;

import cn.linli.platform.events.EventBus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import reactor.core.publisher.Flux;

/**
 * Tells every instance, after commit, that an account has a new notification, and keeps this instance's one Redis
 * subscription to hear it: a live subscriber on any instance then reads the committed row.
 */
@Component
class NotificationFanout {

    static final String CHANNEL = "notifications";

    private final EventBus bus;
    private final Flux<Long> created;

    NotificationFanout(EventBus bus) {
        this.bus = bus;
        this.created = bus.channel(CHANNEL, Long.class);
    }

    /** Runs after commit (never after a rollback); a Redis failure is logged by the bus, not thrown. */
    @TransactionalEventListener(fallbackExecution = true)
    public void on(NotificationCreated event) {
        bus.publish(CHANNEL, event.accountId()).subscribe();
    }

    /** Account ids with a new notification, from any instance. */
    Flux<Long> created() {
        return created;
    }
}
