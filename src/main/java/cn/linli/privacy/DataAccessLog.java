package cn.linli.privacy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Records that staff, partners or heads read someone's unmasked phone or verification details. {@link #seen} only
 * queues (no I/O, never fails the response); every second the queue is written in ONE statement, so a page of 100
 * orders is one insert, not 100, and a slow database never slows the page. A crash loses at most a second of records.
 * <p>
 * The same viewer reading the same person's same data again within {@link #RECORD_AGAIN_AFTER} is not recorded again:
 * staff keep the dispatch board open and it refreshes all day, and the person's list of who looked (and the table)
 * would otherwise fill with thousands of identical lines that say nothing more than the first one.
 */
@Component
public class DataAccessLog {

    private static final Logger log = LoggerFactory.getLogger(DataAccessLog.class);
    private static final int MAX_BATCH = 1000;
    static final Duration RECORD_AGAIN_AFTER = Duration.ofMinutes(10);

    /** When each (person, viewer, kind) was last queued, for {@link #RECORD_AGAIN_AFTER}; pruned by the writer. */
    private final Map<DataAccessRepository.Seen, Long> lastQueued = new ConcurrentHashMap<>();

    private final Queue<DataAccessRepository.Seen> queue = new ConcurrentLinkedQueue<>();
    private final DataAccessRepository repository;
    private final LongSupplier nanoTime;
    private final Disposable writer;

    @Autowired
    DataAccessLog(DataAccessRepository repository) {
        this(repository, System::nanoTime);
    }

    /** With a clock of its own ({@link System#nanoTime} in production), so a test can step over the window. */
    DataAccessLog(DataAccessRepository repository, LongSupplier nanoTime) {
        this.repository = repository;
        this.nanoTime = nanoTime;
        // a tick that comes while a slow flush still runs is dropped (the next flush takes everything queued): without
        // this, a flush slower than the ticks under load ended the writer with an OverflowException for good
        this.writer = Flux.interval(Duration.ofSeconds(1))
                .onBackpressureDrop()
                .doOnNext(tick -> forgetOlderThanTheWindow())
                .concatMap(tick -> flush().onErrorResume(ex -> {
                    log.warn("Data access records not written yet: {}", ex.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    /** The viewer read these people's data (the viewer themselves is left out: reading your own is not logged). */
    public void seen(long viewerId, Collection<Long> subjectIds, DataAccessKind what) {
        long now = nanoTime.getAsLong();
        for (Long subject : subjectIds) {
            if (subject != viewerId) {
                DataAccessRepository.Seen seen = new DataAccessRepository.Seen(subject, viewerId, what);
                // atomic per key: of two requests at once, one finds the other's time and queues nothing
                boolean[] due = {false};
                lastQueued.compute(seen, (key, before) -> {
                    due[0] = before == null || now - before >= RECORD_AGAIN_AFTER.toNanos();
                    return due[0] ? now : before;
                });
                if (due[0]) {
                    queue.add(seen);
                }
            }
        }
    }

    private void forgetOlderThanTheWindow() {
        long now = nanoTime.getAsLong();
        lastQueued.values().removeIf(at -> now - at >= RECORD_AGAIN_AFTER.toNanos());
    }

    /** Writes what is queued now (the timer does it every second; tests call it to avoid waiting). */
    Mono<Void> flush() {
        return Mono.defer(() -> {
            List<DataAccessRepository.Seen> batch = new ArrayList<>();
            DataAccessRepository.Seen next;
            while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                return Mono.empty();
            }
            return repository.insertAll(batch)
                    .onErrorResume(ex -> {
                        queue.addAll(batch); // kept for the next tick
                        return Mono.error(ex);
                    })
                    .then(queue.isEmpty() ? Mono.empty() : flush());
        });
    }

    @PreDestroy
    void stop() {
        writer.dispose();
        flush().onErrorResume(ex -> Mono.empty()).block(Duration.ofSeconds(5));
    }
}
