package cn.linli.privacy;

import java.time.Duration;
import java.util.Set;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** SQL of {@code account_deletion}: one pending request per account (a partial unique index decides races). */
@Repository
class DeletionRepository {

    private static final String COLUMNS = "id, account_id, status, requested_at, due_at, cancelled_at";

    private final DatabaseClient db;

    DeletionRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A new pending request, or empty when one is already pending (concurrent requests leave one). */
    Mono<AccountDeletion> insertPending(long accountId, Duration coolingOff) {
        return db.sql("insert into account_deletion (account_id, status, due_at) "
                        + "values (:account, :status, now() + :seconds * interval '1 second') "
                        + "on conflict (account_id) where status = 'PENDING' do nothing returning " + COLUMNS)
                .bind("account", accountId).bind("status", DeletionLifecycle.INITIAL.name())
                .bind("seconds", coolingOff.toSeconds())
                .mapProperties(AccountDeletion.class).one();
    }

    Mono<AccountDeletion> pendingOf(long accountId) {
        return db.sql("select " + COLUMNS + " from account_deletion where account_id = :account and status = :status")
                .bind("account", accountId).bind("status", DeletionLifecycle.INITIAL.name())
                .mapProperties(AccountDeletion.class).one();
    }

    Mono<AccountDeletion> latestOf(long accountId) {
        return db.sql("select " + COLUMNS + " from account_deletion where account_id = :account "
                        + "order by requested_at desc, id desc limit 1")
                .bind("account", accountId).mapProperties(AccountDeletion.class).one();
    }

    Mono<AccountDeletion> find(long id) {
        return db.sql("select " + COLUMNS + " from account_deletion where id = :id")
                .bind("id", id).mapProperties(AccountDeletion.class).one();
    }

    /**
     * Moves the request if it is still in one of {@code from}; empty when another change came first. The
     * timer's due time decides when a deletion is performed (tests make it due now).
     */
    Mono<AccountDeletion> transition(long id, Set<DeletionStatus> from, DeletionStatus to) {
        return db.sql("""
                        update account_deletion
                           set status = :to,
                               cancelled_at = case when :cancelled then now() end,
                               performed_at = case when :performed then now() end
                         where id = :id and status = any(:from)
                        returning\s""" + COLUMNS)
                .bind("id", id).bind("to", to.name())
                .bind("cancelled", to == DeletionStatus.CANCELLED).bind("performed", to == DeletionStatus.PERFORMED)
                .bind("from", from.stream().map(Enum::name).toArray(String[]::new))
                .mapProperties(AccountDeletion.class).one();
    }
}
