package cn.linli.platform.timer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.linli.platform.db.TransactionConflicts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Durable timers in the {@code timer} table. {@link #schedule} joins the caller's transaction, so a deadline is set
 * together with the change that needs it. Every instance polls; each due timer is
 * claimed with {@code FOR UPDATE SKIP LOCKED}, deleted and handled in one transaction, so it fires exactly once
 * however many instances run, and a restart loses none.
 */
@Component
public class Timers {

    private static final Logger log = LoggerFactory.getLogger(Timers.class);

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    /** Resolved on first use: handlers schedule timers themselves, so they cannot be constructor dependencies. */
    private final ObjectProvider<TimerHandler> handlerProvider;
    private volatile @Nullable Map<String, TimerHandler> handlers;
    private final TimerProperties properties;
    private final MeterRegistry meters;
    /** How long a leased timer is hidden from other pollers while its handler runs (WeChat calls time out in seconds). */
    static final Duration LEASE = Duration.ofMinutes(2);
    private volatile Disposable poller;

    @Autowired
    Timers(DatabaseClient db, TransactionalOperator transaction, ObjectProvider<TimerHandler> handlers,
           TimerProperties properties, MeterRegistry meters) {
        this.db = db;
        this.transaction = transaction;
        this.handlerProvider = handlers;
        this.properties = properties;
        this.meters = meters;
    }

    /** Without metrics, for tests that build a Timers by hand. */
    Timers(DatabaseClient db, TransactionalOperator transaction, ObjectProvider<TimerHandler> handlers,
           TimerProperties properties) {
        this(db, transaction, handlers, properties, new SimpleMeterRegistry());
    }

    /**
     * {@code linli.timers.fired}: timers handled per kind and outcome ({@code success}, {@code failure} (rolled back,
     * retried later), {@code gave_up}, {@code no_handler}). Kinds are the handlers' fixed names, so the tags stay few.
     */
    private void count(String kind, String outcome) {
        Counter.builder("linli.timers.fired").tag("kind", kind).tag("outcome", outcome)
                .description("Timers fired, per kind and outcome")
                .register(meters)
                .increment();
    }

    private Map<String, TimerHandler> handlers() {
        Map<String, TimerHandler> resolved = handlers;
        if (resolved == null) {
            resolved = handlerProvider.orderedStream()
                    .collect(Collectors.toMap(TimerHandler::kind, Function.identity()));
            handlers = resolved;
        }
        return resolved;
    }

    /**
     * Adds a timer of this kind for this subject, in the caller's transaction. Only inserts, never updates, so it
     * never waits on a timer a poller is firing; the handler decides whether the subject is still due.
     */
    public Mono<Void> schedule(String kind, long subjectId, Instant dueAt) {
        return db.sql("insert into timer (kind, subject_id, due_at) values (:kind, :subject, :due)")
                .bind("kind", kind)
                .bind("subject", subjectId)
                .bind("due", dueAt)
                .then();
    }

    /** Fires the timers due now (up to the batch size); how many fired. Tests call it to avoid waiting for a poll. */
    public Mono<Integer> runDue() {
        return Flux.range(0, properties.batchSize())
                .concatMap(i -> fireNext())
                .takeWhile(fired -> fired)
                .count()
                .map(Long::intValue);
    }

    private record Claimed(long id, String kind, long subjectId, int attempts, @Nullable String lastError) {
    }

    /** What the claiming transaction decided: nothing due, done inside it, or a leased handler to run after it. */
    private record Outcome(boolean fired, @Nullable Claimed leased, @Nullable String result) {
        static final Outcome NONE_DUE = new Outcome(false, null, null);

        static Outcome done(String result) {
            return new Outcome(true, null, result);
        }
    }

    /**
     * Claims one due timer and handles it in one transaction, or (leased handlers) leases it in that transaction and
     * runs the handler after it; false when none is due.
     */
    private Mono<Boolean> fireNext() {
        return Mono.defer(() -> {
            AtomicReference<Claimed> claimedRef = new AtomicReference<>();
            Mono<Outcome> work = claimDue()
                    .flatMap(claimed -> {
                        claimedRef.set(claimed);
                        return handle(claimed);
                    })
                    .defaultIfEmpty(Outcome.NONE_DUE);
            return transaction.transactional(work)
                    .retryWhen(TransactionConflicts.retrySpec())
                    // counted once the transaction committed: a handler that succeeded in a rolled-back one did not fire
                    .doOnNext(outcome -> counted(claimedRef.get(), outcome.result()))
                    .flatMap(outcome -> outcome.leased() == null ? Mono.just(outcome.fired())
                            : fireLeased(outcome.leased()).doOnSuccess(done -> count(outcome.leased().kind(), "success"))
                            .thenReturn(true))
                    .onErrorResume(ex -> recordFailure(claimedRef.get(), ex).thenReturn(true));
        });
    }

    private void counted(@Nullable Claimed claimed, @Nullable String result) {
        if (claimed != null && result != null) {
            // a kind without a handler is not one of ours: not a tag value
            count("no_handler".equals(result) ? "unknown" : claimed.kind(), result);
        }
    }

    private Mono<Claimed> claimDue() {
        return db.sql("""
                        select id, kind, subject_id, attempts, last_error from timer where due_at <= now()
                         order by due_at limit 1 for update skip locked
                        """)
                .map(row -> new Claimed(row.get("id", Long.class), row.get("kind", String.class),
                        row.get("subject_id", Long.class), row.get("attempts", Integer.class),
                        row.get("last_error", String.class)))
                .one();
    }

    /** Inside the claiming transaction. */
    private Mono<Outcome> handle(Claimed claimed) {
        TimerHandler handler = handlers().get(claimed.kind());
        if (handler == null) {
            log.error("No handler for timer kind {}; dropping timer {}", claimed.kind(), claimed.id());
            return delete(claimed).thenReturn(Outcome.done("no_handler"));
        }
        if (claimed.attempts() >= handler.maxAttempts()) {
            log.warn("Timer {} ({} {}) gave up after {} attempts: {}", claimed.id(), claimed.kind(),
                    claimed.subjectId(), claimed.attempts(), claimed.lastError());
            return delete(claimed).then(handler.giveUp(claimed.subjectId(), String.valueOf(claimed.lastError())))
                    .thenReturn(Outcome.done("gave_up"));
        }
        if (handler.leased()) {
            return db.sql("update timer set due_at = now() + :lease * interval '1 second' where id = :id")
                    .bind("lease", LEASE.toSeconds()).bind("id", claimed.id())
                    .then()
                    .thenReturn(new Outcome(true, claimed, null));
        }
        return delete(claimed).then(handler.fire(claimed.subjectId())).thenReturn(Outcome.done("success"));
    }

    /** After the lease committed: the handler, then the timer's removal; a failure keeps it for a retry. */
    private Mono<Void> fireLeased(Claimed claimed) {
        return Mono.defer(() -> handlers().get(claimed.kind()).fire(claimed.subjectId()))
                .then(delete(claimed));
    }

    private Mono<Void> delete(Claimed claimed) {
        return db.sql("delete from timer where id = :id").bind("id", claimed.id()).then();
    }

    /**
     * A failed handler rolled back; the timer stays and is retried later, backing off. A failure before any timer was
     * claimed (the database is unreachable) ends this poll: trying the rest of the batch would only fail again.
     */
    private Mono<Void> recordFailure(@Nullable Claimed claimed, Throwable ex) {
        if (claimed == null) {
            return Mono.error(ex);
        }
        log.warn("Timer {} ({} {}) failed, will retry: {}", claimed.id(), claimed.kind(), claimed.subjectId(), ex.toString());
        count(claimed.kind(), "failure");
        return db.sql("""
                        update timer set attempts = attempts + 1, last_error = :error,
                               due_at = now() + least(interval '1 second' * power(2, attempts), interval '10 minutes')
                         where id = :id
                        """)
                .bind("id", claimed.id())
                .bind("error", String.valueOf(ex.getMessage()).substring(0, Math.min(500, String.valueOf(ex.getMessage()).length())))
                .then()
                .onErrorResume(inner -> Mono.empty());
    }

    @EventListener(ApplicationReadyEvent.class)
    void startPolling() {
        if (!properties.enabled()) {
            return;
        }
        Duration interval = properties.pollInterval();
        PollBackoff backoff = new PollBackoff();
        poller = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .filter(tick -> backoff.shouldPoll())
                .concatMap(tick -> runDue()
                        .doOnNext(fired -> backoff.succeeded())
                        .onErrorResume(ex -> {
                            backoff.failed();
                            log.warn("Timer poll failed, backing off: {}", ex.toString());
                            return Mono.just(0);
                        }), 1)
                .subscribe();
    }

    @EventListener(ContextClosedEvent.class)
    void stopPolling() {
        Disposable current = poller;
        if (current != null) {
            current.dispose();
        }
    }
}
