package cn.linli.privacy;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Purges by the rules in {@code retention_rule} (a subject without a rule keeps everything). Each purge is one
 * statement; how many rows went.
 */
@Repository
class RetentionRepository {

    private final DatabaseClient db;

    RetentionRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Notifications older than the rule, with their (sent, given up or unsent) outbox rows. */
    Mono<Long> purgeNotifications() {
        return db.sql("""
                        with old as (
                            select n.id from notification n, retention_rule r
                             where r.subject = 'NOTIFICATION' and n.created_at < now() - r.keep_for
                        ), outbox as (
                            delete from notification_outbox where notification_id in (select id from old)
                        )
                        delete from notification where id in (select id from old)
                        """)
                .fetch().rowsUpdated();
    }

    /** Sessions that ended or expired longer ago than the rule (an open session is never purged). */
    Mono<Long> purgeSessions() {
        return db.sql("""
                        delete from auth_session s using retention_rule r
                         where r.subject = 'AUTH_SESSION' and coalesce(s.ended_at, s.expires_at) < now() - r.keep_for
                           and (s.ended_at is not null or s.expires_at < now())
                        """)
                .fetch().rowsUpdated();
    }

    Mono<Long> purgeDataAccesses() {
        return db.sql("""
                        delete from data_access a using retention_rule r
                         where r.subject = 'DATA_ACCESS' and a.created_at < now() - r.keep_for
                        """)
                .fetch().rowsUpdated();
    }
}
