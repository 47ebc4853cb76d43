package cn.linli.platform.observability;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The gauge {@code linli.outbox.pending}: WeChat notifications written but not yet sent. A growing backlog means the
 * sender is failing (WeChat down, templates wrong). Counted by SQL every {@link #EVERY} in the background (a scrape
 * must not block the event loop on the database), using the partial index on pending rows.
 */
@Component
class OutboxBacklog {

    static final Duration EVERY = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

    private final DatabaseClient db;
    private final AtomicLong pending = new AtomicLong();
    private volatile @Nullable Disposable refresher;

    OutboxBacklog(DatabaseClient db, MeterRegistry registry) {
        this.db = db;
        Gauge.builder("linli.outbox.pending", pending, AtomicLong::get)
                .description("WeChat subscribe messages waiting in the outbox")
                .register(registry);
    }

    /** Counts the pending rows now; the new value. */
    Mono<Long> refresh() {
        return db.sql("select count(*) from notification_outbox where status = 'PENDING'")
                .map(row -> row.get(0, Long.class))
                .one()
                .doOnNext(pending::set);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        refresher = Flux.interval(Duration.ZERO, EVERY)
                .onBackpressureDrop()
                .concatMap(tick -> refresh().onErrorResume(ex -> {
                    log.debug("Outbox backlog not counted: {}", ex.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        Disposable current = refresher;
        if (current != null) {
            current.dispose();
        }
    }
}
