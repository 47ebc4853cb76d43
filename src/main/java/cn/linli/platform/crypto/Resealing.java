package cn.linli.platform.crypto;

import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Moves every sealed column's values to the current key: values written in plain text (before encryption, or by demo
 * SQL) are sealed, values sealed with an older key are sealed again, and lookup hashes are filled in. Runs in the
 * background once the server is ready (a key rotation is a restart with a new current key, the old key still
 * configured); when it logs that nothing is left, the old key may be removed.
 * <p>
 * Each value is replaced by a conditional update (the row as read, the value as read), so a change made meanwhile by
 * a request is never overwritten, and several instances re-sealing at once only repeat each other's work (a pass
 * whose whole batch was just moved by another stops; the other goes on to the end). Roll a new current key out to
 * every instance at once: an instance that still seals with the old key but also knows the new one would move values
 * back.
 */
@Component
public class Resealing {

    private static final Logger log = LoggerFactory.getLogger(Resealing.class);
    private static final int BATCH = 200;

    private final DatabaseClient db;
    private final PersonalDataCipher cipher;
    private final ObjectProvider<SealedColumns> owners;

    Resealing(DatabaseClient db, PersonalDataCipher cipher, ObjectProvider<SealedColumns> owners) {
        this.db = db;
        this.cipher = cipher;
        this.owners = owners;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resealInBackground() {
        resealAll().subscribe(
                count -> log.info("Personal data sealed with the current key ({} values re-sealed)", count),
                failure -> log.warn("Re-sealing personal data stopped; it resumes at the next start: {}", failure.toString()));
    }

    /** Re-seals every column that needs it; emits how many values were rewritten. */
    public Mono<Long> resealAll() {
        List<SealedColumn> columns = owners.orderedStream().flatMap(owner -> owner.sealedColumns().stream()).toList();
        return Flux.fromIterable(columns).concatMap(this::reseal).reduce(0L, Long::sum);
    }

    private Mono<Long> reseal(SealedColumn column) {
        return batch(column).expand(done -> done == 0 ? Mono.empty() : batch(column))
                .reduce(0L, Long::sum);
    }

    /** One batch of values still to re-seal; emits how many were rewritten (0: the column is done). */
    private Mono<Long> batch(SealedColumn column) {
        String select = "select ctid::text as row_id, " + column.column() + " as stored from " + column.table()
                + " where " + column.column() + " is not null and " + column.column() + " not like :current"
                + (column.hashColumn() == null ? "" : " or (" + column.column() + " is not null and "
                + column.hashColumn() + " is null)")
                + " limit " + BATCH;
        return db.sql(select)
                .bind("current", cipher.currentPrefix() + "%")
                .map((row, meta) -> new Stored(Objects.requireNonNull(row.get("row_id", String.class)),
                        Objects.requireNonNull(row.get("stored", String.class))))
                .all()
                // AES and HMAC are quick, but a batch of them is still CPU work: keep it off the event loop
                .publishOn(Schedulers.parallel())
                .concatMap(stored -> rewrite(column, stored))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> rewrite(SealedColumn column, Stored stored) {
        String plain = cipher.open(stored.value());
        String set = column.column() + " = :sealed"
                + (column.hashColumn() == null ? "" : ", " + column.hashColumn() + " = :hash");
        DatabaseClient.GenericExecuteSpec update = db.sql("update " + column.table() + " set " + set
                        + " where ctid = cast(:row as tid) and " + column.column() + " = :old")
                .bind("sealed", cipher.seal(plain))
                .bind("row", stored.rowId())
                .bind("old", stored.value());
        if (column.hashColumn() != null) {
            update = update.bind("hash", column.phone() ? cipher.phoneHash(plain) : cipher.lookupHash(plain));
        }
        return update.fetch().rowsUpdated();
    }

    private record Stored(String rowId, String value) {
    }
}
