package cn.linli.ballot;

import cn.linli.platform.events.EventBus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.reactive.TransactionalEventPublisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * "This ballot's results changed" (a vote, an opening, a closing): published once inside the changing transaction,
 * fanned out on the event bus after it commits, and heard on every instance by results subscriptions.
 */
@Component
class BallotEvents {

    private static final String CHANNEL = "ballots";

    record BallotChanged(long ballotId) {
    }

    private final EventBus bus;
    private final TransactionalEventPublisher events;
    private final Flux<BallotChanged> changes;

    BallotEvents(EventBus bus, TransactionalEventPublisher events) {
        this.bus = bus;
        this.events = events;
        this.changes = bus.channel(CHANNEL, BallotChanged.class);
    }

    /** Part of the transactional chain: the change reaches subscribers once the transaction commits. */
    Mono<Void> changed(long ballotId) {
        return events.publishEvent(new BallotChanged(ballotId));
    }

    @TransactionalEventListener
    void fanOut(BallotChanged change) {
        bus.publish(CHANNEL, change).subscribe();
    }

    Flux<BallotChanged> changes() {
        return changes;
    }
}
