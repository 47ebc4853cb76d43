package cn.linli.festival;

import cn.linli.platform.events.EventBus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.reactive.TransactionalEventPublisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * "This campaign's progress changed": published once inside the changing transaction, fanned out on the event bus
 * after it commits (never if it rolls back), and received on every instance by progress subscriptions.
 */
@Component
class CampaignEvents {

    private static final String CHANNEL = "campaigns";

    record CampaignChanged(long campaignId) {
    }

    private final EventBus bus;
    private final TransactionalEventPublisher events;
    private final Flux<CampaignChanged> changes;

    CampaignEvents(EventBus bus, TransactionalEventPublisher events) {
        this.bus = bus;
        this.events = events;
        this.changes = bus.channel(CHANNEL, CampaignChanged.class);
    }

    /** Part of the transactional chain: the change reaches other instances once the transaction commits. */
    Mono<Void> changed(long campaignId) {
        return events.publishEvent(new CampaignChanged(campaignId));
    }

    /** After commit: to Redis (a failed publish is logged by the bus, never thrown). */
    @TransactionalEventListener
    void fanOut(CampaignChanged change) {
        bus.publish(CHANNEL, change).subscribe();
    }

    Flux<CampaignChanged> changes() {
        return changes;
    }
}
