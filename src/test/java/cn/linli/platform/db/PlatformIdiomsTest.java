package cn.linli.platform.db;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import cn.linli.support.IntegrationTest;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import cn.linli.platform.timer.TimerHandler;
import cn.linli.platform.timer.Timers;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.reactive.TransactionalEventPublisher;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platform's declarative idioms, checked against the real database: {@code @Retryable} with
 * {@link TransactionConflicts} wraps {@code @Transactional} so each attempt is a fresh transaction; domain events
 * published in a transaction reach listeners after commit only; rows map onto records and records bind as parameters.
 */
@Import(PlatformIdiomsTest.Beans.class)
class PlatformIdiomsTest extends IntegrationTest {

    enum Colour { RED, GREEN }

    record Probe(long id, String label, Colour colour, @Nullable Long partnerId, Long[] photoIds, Instant createdAt) {
    }

    record Happened(String label) {
    }

    @TestConfiguration
    static class Beans {
        @Bean
        Flaky flaky(DatabaseClient db, TransactionalEventPublisher events) {
            return new Flaky(db, events);
        }

        @Bean
        Listener listener() {
            return new Listener();
        }

        @Bean
        LeasedProbe leasedProbe() {
            return new LeasedProbe();
        }

        @Bean
        TimerHandler leasedProbeHandler(LeasedProbe probe) {
            return TimerHandler.leased(LeasedProbe.KIND, probe::fire);
        }
    }

    /** A timer handler that calls "WeChat": notes whether a transaction was open, and fails when told to. */
    static class LeasedProbe {
        static final String KIND = "PLATFORM_PROBE_LEASED";
        final List<Boolean> inTransaction = new CopyOnWriteArrayList<>();
        volatile boolean failNext;

        Mono<Void> fire(long subjectId) {
            return TransactionSynchronizationManager.forCurrentTransaction()
                    .map(TransactionSynchronizationManager::isActualTransactionActive)
                    .onErrorReturn(NoTransactionException.class, false)
                    .doOnNext(inTransaction::add)
                    .then(Mono.defer(() -> failNext ? Mono.error(new IllegalStateException("WeChat is down")) : Mono.empty()));
        }
    }

    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    static class Flaky {
        final DatabaseClient db;
        final TransactionalEventPublisher events;
        final AtomicInteger attempts = new AtomicInteger();

        Flaky(DatabaseClient db, TransactionalEventPublisher events) {
            this.db = db;
            this.events = events;
        }

        /** Attempts since the last reset (a method: the test holds the proxy, whose fields are not the target's). */
        public int attempts() {
            return attempts.get();
        }

        public void reset() {
            attempts.set(0);
        }

        /** Inserts a row and publishes an event, then fails with a serialization conflict {@code failures} times. */
        @Transactional
        public Mono<Void> insert(String label, int failures) {
            return db.sql("insert into platform_probe (label, colour) values (:label, 'RED')").bind("label", label).then()
                    .then(events.publishEvent(new Happened(label)))
                    .then(Mono.defer(() -> attempts.incrementAndGet() <= failures
                            ? Mono.error(new R2dbcTransientResourceException("conflict", "40001"))
                            : Mono.empty()));
        }

        /** A business failure after the event: rolled back, never retried, and the event is not delivered. */
        @Transactional
        public Mono<Void> refuse(String label) {
            return events.publishEvent(new Happened(label))
                    .then(Mono.defer(() -> {
                        attempts.incrementAndGet();
                        return Mono.error(new IllegalStateException("refused"));
                    }));
        }
    }

    static class Listener {
        final List<String> heard = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        public void on(Happened event) {
            heard.add(event.label());
        }
    }

    @Autowired
    Flaky flaky;

    @Autowired
    LeasedProbe leasedProbe;

    @Autowired
    Timers timers;

    @Autowired
    Listener listener;

    @Test
    void aConflictRetriesTheWholeTransactionAndTheEventArrivesOnceAfterCommit() {
        createTable();
        flaky.reset();
        flaky.insert("retried", 2).block();

        assertThat(flaky.attempts()).isEqualTo(3);
        assertThat(rowsLabelled("retried")).as("the two failed attempts rolled back").isEqualTo(1);
        assertThat(listener.heard).containsOnlyOnce("retried");
    }

    @Test
    void aBusinessFailureIsNotRetriedAndItsEventIsNeverDelivered() {
        createTable();
        flaky.reset();
        assertThatThrownBy(() -> flaky.refuse("refused").block()).hasMessageContaining("refused");

        assertThat(flaky.attempts()).isEqualTo(1);
        assertThat(listener.heard).doesNotContain("refused");
    }

    @Test
    void rowsMapOntoRecordsAndNullsBindWithTheirType() {
        createTable();
        db.sql("insert into platform_probe (label, colour, partner_id, photo_ids) values (:label, :colour, :partner, :photos)")
                .bind("label", "mapped").bind("colour", Colour.GREEN.name())
                .bind("partner", Binds.nullable(null, Long.class))
                .bind("photos", new Long[] {3L, 4L})
                .then().block();

        Probe probe = db.sql("select * from platform_probe where label = 'mapped'").mapProperties(Probe.class).one().block();

        assertThat(probe.colour()).isEqualTo(Colour.GREEN);
        assertThat(probe.partnerId()).isNull();
        assertThat(probe.photoIds()).containsExactly(3L, 4L);
        assertThat(probe.createdAt()).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void aLeasedTimerRunsOutsideAnyTransactionAndGoesOnlyOnceItsHandlerSucceeded() {
        long subject = System.nanoTime() % 1_000_000_000L;
        String timerOfSubject = "select count(*) from timer where kind = '" + LeasedProbe.KIND + "' and subject_id = " + subject;
        timers.schedule(LeasedProbe.KIND, subject, Instant.now().minusSeconds(1)).block();

        leasedProbe.failNext = true;
        timers.runDue().block();
        assertThat(leasedProbe.inTransaction).containsExactly(false);
        assertThat(count(timerOfSubject + " and attempts = 1 and due_at > now()")).as("kept for a retry").isEqualTo(1);

        leasedProbe.failNext = false;
        dueNow(LeasedProbe.KIND);
        timers.runDue().block();
        assertThat(leasedProbe.inTransaction).containsExactly(false, false);
        assertThat(count(timerOfSubject)).as("removed once the handler succeeded").isZero();
    }

    private long rowsLabelled(String label) {
        return db.sql("select count(*) as n from platform_probe where label = :label").bind("label", label)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private void createTable() {
        db.sql("""
                create table if not exists platform_probe (id bigserial primary key, label text not null,
                    colour text not null, partner_id bigint, photo_ids bigint[] not null default '{}',
                    created_at timestamptz not null default now())
                """).then().block();
    }
}
