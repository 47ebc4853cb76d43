package cn.linli.console;

import java.time.Duration;
import java.time.Instant;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * SQL of {@code console_login_ticket}. Confirm and claim are conditional updates guarded by the lifecycle's source
 * states, so of concurrent confirms (or polls) exactly one changes the row; the database clock decides expiry.
 */
@Repository
class TicketRepository {

    private static final String COLUMNS = "id, status, expires_at, account_id, expires_at <= now() as expired";

    private final DatabaseClient db;

    TicketRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Instant> insert(String id, String pollHash, Duration lifetime) {
        return db.sql("""
                        insert into console_login_ticket (id, poll_hash, status, expires_at)
                        values (:id, :pollHash, :status, now() + make_interval(secs => :seconds))
                        returning expires_at
                        """)
                .bind("id", id)
                .bind("pollHash", pollHash)
                .bind("status", TicketLifecycle.INITIAL.name())
                .bind("seconds", (double) lifetime.toSeconds())
                .map(row -> row.get("expires_at", Instant.class))
                .one();
    }

    Mono<LoginTicket> find(String id) {
        return db.sql("select " + COLUMNS + " from console_login_ticket where id = :id")
                .bind("id", id)
                .mapProperties(LoginTicket.class)
                .one();
    }

    /** The ticket, only for the console holding its poll token. */
    Mono<LoginTicket> findForConsole(String id, String pollHash) {
        return db.sql("select " + COLUMNS + " from console_login_ticket where id = :id and poll_hash = :pollHash")
                .bind("id", id)
                .bind("pollHash", pollHash)
                .mapProperties(LoginTicket.class)
                .one();
    }

    /** PENDING and unexpired → CONFIRMED by this account; empty when another confirm won or the ticket expired. */
    Mono<LoginTicket> confirm(String id, long accountId) {
        return db.sql("""
                        update console_login_ticket
                           set status = :to, account_id = :account, confirmed_at = now()
                         where id = :id and status = any(:from) and expires_at > now()
                        returning\s""" + COLUMNS)
                .bind("id", id)
                .bind("account", accountId)
                .bind("to", TicketLifecycle.targetOf(TicketAction.CONFIRM).name())
                .bind("from", TicketStatus.names(TicketLifecycle.sourcesOf(TicketAction.CONFIRM)))
                .mapProperties(LoginTicket.class)
                .one();
    }

    /**
     * CONFIRMED → CLAIMED for the console holding the poll token, within {@code window} of the confirmation (a
     * session left unclaimed that long is not handed out later); empty when another poll claimed it first.
     */
    Mono<LoginTicket> claim(String id, String pollHash, Duration window) {
        return db.sql("""
                        update console_login_ticket
                           set status = :to, claimed_at = now()
                         where id = :id and poll_hash = :pollHash and status = any(:from)
                           and confirmed_at > now() - make_interval(secs => :seconds)
                        returning\s""" + COLUMNS)
                .bind("id", id)
                .bind("pollHash", pollHash)
                .bind("seconds", (double) window.toSeconds())
                .bind("to", TicketLifecycle.targetOf(TicketAction.CLAIM).name())
                .bind("from", TicketStatus.names(TicketLifecycle.sourcesOf(TicketAction.CLAIM)))
                .mapProperties(LoginTicket.class)
                .one();
    }

    /** Tickets an hour past their expiry are of no use to anyone. */
    Mono<Long> purgeExpired() {
        return db.sql("delete from console_login_ticket where expires_at < now() - interval '1 hour'")
                .fetch().rowsUpdated();
    }

    /** Whether the account holds a staff appointment of a community or a street (read per confirm, never from a token). */
    Mono<Boolean> isAppointedStaff(long accountId) {
        return db.sql("""
                        select exists(select 1 from staff where account_id = :id)
                            or exists(select 1 from street_staff where account_id = :id) as appointed
                        """)
                .bind("id", accountId)
                .map(row -> Boolean.TRUE.equals(row.get("appointed", Boolean.class)))
                .one();
    }
}
