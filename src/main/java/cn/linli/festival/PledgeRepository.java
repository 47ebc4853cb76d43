package cn.linli.festival;

import java.util.Set;

import cn.linli.festival.FestivalRecords.Pledge;
import cn.linli.festival.PledgeLifecycle.Action;
import cn.linli.platform.db.Binds;
import cn.linli.platform.pagination.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for pledges. Every status change is one named conditional update whose states come from
 * {@link PledgeLifecycle}: it changes the row only from the action's source state, so a repeated or racing change
 * updates nothing (and the caller learns it from the row count).
 */
@Repository
class PledgeRepository {

    private final DatabaseClient db;

    PledgeRepository(DatabaseClient db) {
        this.db = db;
    }

    record NewPledge(long campaignId, PledgeKind kind, @Nullable Long accountId, ContributorKind contributorKind,
                     @Nullable String contributorName, boolean anonymous, @Nullable String message,
                     @Nullable Long amountFen, @Nullable Long needId, @Nullable Integer quantity, @Nullable Long roleId,
                     @Nullable Long receiptPhotoId, @Nullable Long recordedBy, @Nullable String idempotencyKey,
                     @Nullable String requestHash) {
    }

    /** Inserts the pledge in its kind's first status; empty when its idempotency key (or one sign-up) exists already. */
    Mono<Pledge> insert(NewPledge p) {
        return db.sql("""
                        insert into pledge (campaign_id, kind, account_id, contributor_kind, contributor_name, anonymous,
                            message, amount_fen, need_id, quantity, role_id, status, receipt_photo_id, recorded_by,
                            idempotency_key, request_hash)
                        values (:campaign, :kind, :account, :ckind, :cname, :anonymous, :message, :amount, :need,
                            :quantity, :role, :status, :receipt, :recordedBy, :key, :hash)
                        on conflict do nothing
                        returning *
                        """)
                .bind("campaign", p.campaignId()).bind("kind", p.kind().name())
                .bind("account", Binds.nullable(p.accountId(), Long.class))
                .bind("ckind", p.contributorKind().name())
                .bind("cname", Binds.nullable(p.contributorName(), String.class))
                .bind("anonymous", p.anonymous())
                .bind("message", Binds.nullable(p.message(), String.class))
                .bind("amount", Binds.nullable(p.amountFen(), Long.class))
                .bind("need", Binds.nullable(p.needId(), Long.class))
                .bind("quantity", Binds.nullable(p.quantity(), Integer.class))
                .bind("role", Binds.nullable(p.roleId(), Long.class))
                .bind("status", PledgeLifecycle.initial(p.kind()).name())
                .bind("receipt", Binds.nullable(p.receiptPhotoId(), Long.class))
                .bind("recordedBy", Binds.nullable(p.recordedBy(), Long.class))
                .bind("key", Binds.nullable(p.idempotencyKey(), String.class))
                .bind("hash", Binds.nullable(p.requestHash(), String.class))
                .mapProperties(Pledge.class).one();
    }

    /** A campaign's pledges of the given kinds, oldest first, a page at a time. */
    Flux<Pledge> toConfirm(long campaignId, Set<PledgeKind> kinds, PageRequest page) {
        return page.bind(db.sql("""
                        select * from pledge
                         where campaign_id = :campaign and kind = any(:kinds) and %s
                         order by created_at, id limit :limit
                        """.formatted(PageRequest.after("")))
                        .bind("campaign", campaignId).bind("kinds", Enums.names(kinds)))
                .mapProperties(Pledge.class).all();
    }

    Mono<Pledge> byKey(String key) {
        return db.sql("select * from pledge where idempotency_key = :key").bind("key", key).mapProperties(Pledge.class).one();
    }

    /** The pledge as it is, without a lock: for checks before a WeChat Pay call (no lock is held across it). */
    Mono<Pledge> find(long id) {
        return db.sql("select * from pledge where id = :id").bind("id", id).mapProperties(Pledge.class).one();
    }

    Mono<Pledge> lock(long id) {
        return db.sql("select * from pledge where id = :id for update").bind("id", id).mapProperties(Pledge.class).one();
    }

    Mono<Pledge> lockByOutTradeNo(String outTradeNo) {
        return db.sql("select * from pledge where out_trade_no = :no for update").bind("no", outTradeNo)
                .mapProperties(Pledge.class).one();
    }

    /** Gives a money pledge its merchant order number, derived from the pledge so it never changes. */
    Mono<Void> assignOutTradeNo(long pledgeId) {
        return db.sql("update pledge set out_trade_no = :no where id = :id and out_trade_no is null")
                .bind("no", PaymentNumbers.outTradeNo(pledgeId)).bind("id", pledgeId).then();
    }

    /** PENDING → PAID with WeChat Pay's transaction id, once. */
    Mono<Boolean> markPaid(long pledgeId, String transactionId) {
        return move(pledgeId, Action.PAY, "transaction_id = :tx, paid_at = now()", transactionId);
    }

    /** PENDING → CLOSED: the payment never happened and can no longer happen. */
    Mono<Boolean> markClosed(long pledgeId) {
        return move(pledgeId, Action.CLOSE_UNPAID, "", null);
    }

    /** REFUNDING → REFUNDED, once. */
    Mono<Boolean> markRefunded(long pledgeId) {
        return move(pledgeId, Action.REFUND, "refunded_at = now()", null);
    }

    /** PLEDGED → RECEIVED: staff have the items. */
    Mono<Boolean> markReceived(long pledgeId) {
        return move(pledgeId, Action.RECEIVE, "", null);
    }

    /** SIGNED_UP → ATTENDED with the minutes served, once. */
    Mono<Boolean> markAttended(long pledgeId, int minutes) {
        return db.sql("update pledge set status = :to, attended_minutes = :minutes where id = :id and status = :from")
                .bind("to", Action.ATTEND.to().name()).bind("minutes", minutes).bind("id", pledgeId)
                .bind("from", Action.ATTEND.from().name()).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** @param also what else the move sets ({@code :tx} binds {@code tx}); empty for nothing */
    private Mono<Boolean> move(long pledgeId, Action action, String also, @Nullable String tx) {
        var spec = db.sql("update pledge set status = :to" + (also.isEmpty() ? "" : ", " + also)
                        + " where id = :id and status = :from")
                .bind("to", action.to().name()).bind("id", pledgeId).bind("from", action.from().name());
        return (tx == null ? spec : spec.bind("tx", tx)).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Every paid money pledge of the campaign becomes REFUNDING; their ids. */
    Flux<Long> startRefunds(long campaignId) {
        return db.sql("update pledge set status = :to where campaign_id = :c and kind = :kind and status = :from returning id")
                .bind("to", Action.START_REFUND.to().name()).bind("c", campaignId)
                .bind("kind", Action.START_REFUND.kind().name()).bind("from", Action.START_REFUND.from().name())
                .map(row -> row.get("id", Long.class)).all();
    }

    Mono<Void> markRefundRequested(long pledgeId) {
        return db.sql("update pledge set refund_requested_at = coalesce(refund_requested_at, now()) where id = :id")
                .bind("id", pledgeId).then();
    }

    /** Releases every pledged (not yet received) item of a failed campaign, and what they had reserved. */
    Mono<Void> releaseItems(long campaignId) {
        return db.sql("""
                        with released as (
                            update pledge set status = :to
                             where campaign_id = :c and kind = :kind and status = :from
                            returning need_id, quantity
                        ), totals as (select need_id, sum(quantity) as q from released group by need_id)
                        update campaign_item_need n set quantity_pledged = n.quantity_pledged - t.q
                          from totals t where n.id = t.need_id
                        """)
                .bind("to", Action.RELEASE.to().name()).bind("c", campaignId)
                .bind("kind", Action.RELEASE.kind().name()).bind("from", Action.RELEASE.from().name()).then();
    }

    /** The people whose counting pledges support the campaign (offline contributors have no account). */
    Flux<Long> supporters(long campaignId) {
        return db.sql("""
                        select distinct account_id from pledge
                         where campaign_id = :c and account_id is not null and status = any(:counting)
                        """)
                .bind("c", campaignId).bind("counting", Enums.names(PledgeStatus.COUNTING))
                .map(row -> row.get("account_id", Long.class)).all();
    }
}
