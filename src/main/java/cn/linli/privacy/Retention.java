package cn.linli.privacy;

import java.time.Duration;
import java.time.Instant;

import cn.linli.platform.timer.Timers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The daily retention run (a durable timer the migration started; each run schedules the next): purges what the rules
 * in {@code retention_rule} say has been kept long enough.
 */
@Service
class Retention {

    static final String TIMER = "PRIVACY_RETENTION";
    private static final Duration EVERY = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final RetentionRepository retention;
    private final Timers timers;

    Retention(RetentionRepository retention, Timers timers) {
        this.retention = retention;
        this.timers = timers;
    }

    @Transactional
    public Mono<Void> run(long ignored) {
        // one after the other: they share the timer transaction's connection
        return Flux.concat(retention.purgeNotifications(), retention.purgeSessions(), retention.purgeDataAccesses())
                .collectList()
                .doOnNext(n -> log.info("Retention: purged {} notifications, {} sessions, {} data accesses",
                        n.get(0), n.get(1), n.get(2)))
                .then(timers.schedule(TIMER, 0, Instant.now().plus(EVERY)));
    }
}
