package cn.linli.identity;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The {@code auth_session} table: each change is one conditional statement, so racing refreshes have one winner. */
@Repository
class AuthSessionRepository {

    /** What a presented refresh secret found: the session's account, whether it is open, and whether the secret is current. */
    record Presented(long accountId, boolean open, boolean current) {
    }

    private final DatabaseClient db;

    AuthSessionRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Opens a session, and in the same statement forgets this account's sessions that ended or expired more than 30
     * days ago, so the table grows with the people who use Linli, not with every login there ever was.
     */
    Mono<Void> insert(String id, long accountId, String secretHash, Duration ttl) {
        return db.sql("""
                        with forgotten as (
                            delete from auth_session
                             where account_id = :account and coalesce(ended_at, expires_at) < now() - interval '30 days'
                        )
                        insert into auth_session (id, account_id, secret_hash, expires_at)
                        values (:id, :account, :hash, now() + :ttl * interval '1 second')
                        """)
                .bind("id", id).bind("account", accountId).bind("hash", secretHash).bind("ttl", ttl.toSeconds())
                .then();
    }

    /** Replaces the secret when the presented one is current and the session open; the account id, or empty. */
    Mono<Long> rotate(String id, String presentedHash, String newHash, Duration ttl) {
        return db.sql("""
                        update auth_session set secret_hash = :new, refreshed_at = now(),
                               expires_at = now() + :ttl * interval '1 second'
                         where id = :id and secret_hash = :presented and ended_at is null and expires_at > now()
                        returning account_id
                        """)
                .bind("id", id).bind("presented", presentedHash).bind("new", newHash).bind("ttl", ttl.toSeconds())
                .map(row -> row.get("account_id", Long.class))
                .one();
    }

    Mono<Presented> find(String id, String presentedHash) {
        return db.sql("""
                        select account_id, ended_at is null and expires_at > now() as open, secret_hash = :presented as current
                          from auth_session where id = :id
                        """)
                .bind("id", id).bind("presented", presentedHash)
                .map(row -> new Presented(row.get("account_id", Long.class), Boolean.TRUE.equals(row.get("open", Boolean.class)),
                        Boolean.TRUE.equals(row.get("current", Boolean.class))))
                .one();
    }

    /** Ends an open session (for the holder of its current secret when {@code presentedHash} is given); whether it did. */
    Mono<Boolean> end(String id, @Nullable String presentedHash, String reason) {
        return db.sql("""
                        update auth_session set ended_at = now(), end_reason = :reason
                         where id = :id and ended_at is null and (cast(:presented as text) is null or secret_hash = :presented)
                        """)
                .bind("id", id).bind("reason", reason)
                .bind("presented", cn.linli.platform.db.Binds.nullable(presentedHash, String.class))
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }

    /** The session's expiry while it is open; empty once it ended, expired or never existed. */
    Mono<Instant> openUntil(String id) {
        return db.sql("select expires_at from auth_session where id = :id and ended_at is null and expires_at > now()")
                .bind("id", id)
                .map(row -> row.get("expires_at", Instant.class))
                .one();
    }
}
