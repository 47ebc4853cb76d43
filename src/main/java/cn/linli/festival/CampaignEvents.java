package cn.linli.festival;

import java.time.Duration;

import cn.linli.platform.events.EventBus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** "This campaign's progress changed", on the event bus: published after commit, received on every instance. */
@Component
class CampaignEvents {

    private static final String CHANNEL = "campaigns";

    record CampaignChanged(long campaignId) {
    }

    private final EventBus bus;
    private final Flux<CampaignChanged> changes;

    CampaignEvents(EventBus bus) {
        this.bus = bus;
        this.changes = bus.subscribe(CHANNEL, CampaignChanged.class)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                .publish()
                .autoConnect(0);
    }

    /** Publishes once the current transaction commits (at once when there is none). */
    Mono<Void> publishAfterCommit(long campaignId) {
        Mono<Void> publish = bus.publish(CHANNEL, new CampaignChanged(campaignId));
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(sync -> sync.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return publish;
                    }
                }))
                .then()
                .onErrorResume(ex -> publish);
    }

    Flux<CampaignChanged> changes() {
        return changes;
    }
}
