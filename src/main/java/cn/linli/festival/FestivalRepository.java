package cn.linli.festival;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import cn.linli.festival.FestivalRecords.Expense;
import cn.linli.festival.FestivalRecords.ItemNeed;
import cn.linli.festival.FestivalRecords.Pledge;
import cn.linli.festival.FestivalRecords.VolunteerRole;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.PageRequest;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for campaigns, pledges and expenses. Counters that must not overflow are guarded by CHECKs and conditional updates. */
@Repository
class FestivalRepository {

    private final DatabaseClient db;

    FestivalRepository(DatabaseClient db) {
        this.db = db;
    }

    record NewCampaign(long communityId, String theme, LocalDate festivalDate, String mainVenue, List<String> branchVenues,
                       @Nullable String description, @Nullable Long coverPhotoId, Instant deadline, long moneyGoalFen,
                       String fundingRule, @Nullable String matchingSponsor, @Nullable Long matchingCapFen, long createdBy) {
    }

    Mono<Long> insertCampaign(NewCampaign c) {
        var spec = db.sql("""
                insert into campaign (community_id, theme, festival_date, main_venue, branch_venues, description,
                    cover_photo_id, deadline, money_goal_fen, funding_rule, matching_sponsor, matching_cap_fen, status,
                    created_by)
                values (:community, :theme, :date, :venue, :branches, :description, :cover, :deadline, :goal, :rule,
                    :sponsor, :cap, 'DRAFT', :by) returning id
                """).bind("community", c.communityId()).bind("theme", c.theme()).bind("date", c.festivalDate())
                .bind("venue", c.mainVenue()).bind("branches", c.branchVenues().toArray(String[]::new))
                .bind("deadline", c.deadline()).bind("goal", c.moneyGoalFen()).bind("rule", c.fundingRule())
                .bind("by", c.createdBy());
        spec = text(spec, "description", c.description());
        spec = c.coverPhotoId() == null ? spec.bindNull("cover", Long.class) : spec.bind("cover", c.coverPhotoId());
        spec = text(spec, "sponsor", c.matchingSponsor());
        spec = c.matchingCapFen() == null ? spec.bindNull("cap", Long.class) : spec.bind("cap", c.matchingCapFen());
        return spec.map(row -> row.get("id", Long.class)).one();
    }

    Mono<Void> insertNeed(long campaignId, String name, String unit, int quantity) {
        return db.sql("insert into campaign_item_need (campaign_id, name, unit, quantity_needed) values (:c, :n, :u, :q)")
                .bind("c", campaignId).bind("n", name).bind("u", unit).bind("q", quantity).then();
    }

    Mono<Void> insertRole(long campaignId, String name, int count, int points) {
        return db.sql("insert into campaign_volunteer_role (campaign_id, name, count, points_reward) values (:c, :n, :k, :p)")
                .bind("c", campaignId).bind("n", name).bind("k", count).bind("p", points).then();
    }

    Flux<Campaign> campaignsByIds(Collection<Long> ids) {
        return db.sql("select * from campaign where id = any(:ids)").bind("ids", Ids.array(ids))
                .map(FestivalRepository::campaign).all();
    }

    Mono<Campaign> lockCampaign(long id) {
        return db.sql("select * from campaign where id = :id for update").bind("id", id)
                .map(FestivalRepository::campaign).one();
    }

    /**
     * Shares the campaign row with other pledges for the rest of the transaction: they run side by side, but the
     * deadline (which takes it for update) waits for them, and no pledge slips in after the campaign is settled.
     */
    Mono<Campaign> shareCampaign(long id) {
        return db.sql("select * from campaign where id = :id for share").bind("id", id)
                .map(FestivalRepository::campaign).one();
    }

    Flux<Campaign> campaignsOf(long communityId, boolean includeDrafts, PageRequest page) {
        var spec = db.sql("""
                        select * from campaign where community_id = :community and (:drafts or status <> 'DRAFT')
                           and (cast(:afterTime as timestamptz) is null or (created_at, id) > (:afterTime, :afterId))
                         order by created_at, id limit :limit
                        """).bind("community", communityId).bind("drafts", includeDrafts).bind("limit", page.limitPlusOne());
        var after = page.after();
        spec = after == null ? spec.bindNull("afterTime", Instant.class) : spec.bind("afterTime", after.createdAt());
        spec = after == null ? spec.bindNull("afterId", Long.class) : spec.bind("afterId", after.id());
        return spec.map(FestivalRepository::campaign).all();
    }

    /** Moves the campaign from one status to another; false when it was not in {@code from}. */
    Mono<Boolean> setStatus(long id, String from, String to) {
        return db.sql("""
                        update campaign set status = :to,
                               published_at = case when :to = 'OPEN' then now() else published_at end,
                               settled_at = case when :to in ('FUNDED', 'FAILED') then now() else settled_at end
                         where id = :id and status = :from
                        """)
                .bind("to", to).bind("id", id).bind("from", from).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Flux<ItemNeed> needsOf(Collection<Long> campaignIds) {
        return db.sql("select * from campaign_item_need where campaign_id = any(:ids) order by id")
                .bind("ids", Ids.array(campaignIds))
                .map(row -> new ItemNeed(row.get("id", Long.class), row.get("campaign_id", Long.class),
                        row.get("name", String.class), row.get("unit", String.class),
                        row.get("quantity_needed", Integer.class), row.get("quantity_pledged", Integer.class),
                        row.get("quantity_received", Integer.class)))
                .all();
    }

    Flux<VolunteerRole> rolesOf(Collection<Long> campaignIds) {
        return db.sql("select * from campaign_volunteer_role where campaign_id = any(:ids) order by id")
                .bind("ids", Ids.array(campaignIds))
                .map(row -> new VolunteerRole(row.get("id", Long.class), row.get("campaign_id", Long.class),
                        row.get("name", String.class), row.get("count", Integer.class), row.get("signed_up", Integer.class),
                        row.get("points_reward", Integer.class)))
                .all();
    }

    /** Reserves items against what is still needed; false when fewer are left. */
    Mono<Boolean> reserveItems(long needId, long campaignId, int quantity) {
        return db.sql("""
                        update campaign_item_need set quantity_pledged = quantity_pledged + :q
                         where id = :id and campaign_id = :campaign and quantity_pledged + :q <= quantity_needed
                        """)
                .bind("q", quantity).bind("id", needId).bind("campaign", campaignId)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<Boolean> takeVolunteerPlace(long roleId, long campaignId) {
        return db.sql("""
                        update campaign_volunteer_role set signed_up = signed_up + 1
                         where id = :id and campaign_id = :campaign and signed_up < count
                        """)
                .bind("id", roleId).bind("campaign", campaignId).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    record NewPledge(long campaignId, String kind, @Nullable Long accountId, String contributorKind,
                     @Nullable String contributorName, boolean anonymous, @Nullable String message,
                     @Nullable Long amountFen, @Nullable Long needId, @Nullable Integer quantity, @Nullable Long roleId,
                     String status, @Nullable Long receiptPhotoId, @Nullable Long recordedBy, @Nullable String idempotencyKey,
                     @Nullable String requestHash) {
    }

    /** Inserts the pledge; empty when its idempotency key (or the one-sign-up rule) says it exists already. */
    Mono<Pledge> insertPledge(NewPledge p) {
        var spec = db.sql("""
                insert into pledge (campaign_id, kind, account_id, contributor_kind, contributor_name, anonymous, message,
                    amount_fen, need_id, quantity, role_id, status, receipt_photo_id, recorded_by, idempotency_key, request_hash)
                values (:campaign, :kind, :account, :ckind, :cname, :anonymous, :message, :amount, :need, :quantity, :role,
                    :status, :receipt, :recordedBy, :key, :hash)
                on conflict do nothing
                returning *
                """).bind("campaign", p.campaignId()).bind("kind", p.kind()).bind("ckind", p.contributorKind())
                .bind("anonymous", p.anonymous()).bind("status", p.status());
        spec = number(spec, "account", p.accountId());
        spec = text(spec, "cname", p.contributorName());
        spec = text(spec, "message", p.message());
        spec = number(spec, "amount", p.amountFen());
        spec = number(spec, "need", p.needId());
        spec = p.quantity() == null ? spec.bindNull("quantity", Integer.class) : spec.bind("quantity", p.quantity());
        spec = number(spec, "role", p.roleId());
        spec = number(spec, "receipt", p.receiptPhotoId());
        spec = number(spec, "recordedBy", p.recordedBy());
        spec = text(spec, "key", p.idempotencyKey());
        spec = text(spec, "hash", p.requestHash());
        return spec.map(FestivalRepository::pledge).one();
    }

    /** Gives a money pledge its merchant order number, derived from the pledge so it never changes. */
    Mono<String> assignOutTradeNo(long pledgeId) {
        String outTradeNo = PaymentNumbers.outTradeNo(pledgeId);
        return db.sql("update pledge set out_trade_no = :no where id = :id and out_trade_no is null")
                .bind("no", outTradeNo).bind("id", pledgeId).then().thenReturn(outTradeNo);
    }

    Mono<Pledge> lockPledgeByOutTradeNo(String outTradeNo) {
        return db.sql("select * from pledge where out_trade_no = :no for update").bind("no", outTradeNo)
                .map(FestivalRepository::pledge).one();
    }

    /** PENDING → PAID, once; false when it was not pending. */
    Mono<Boolean> markPaid(long pledgeId, String transactionId) {
        return db.sql("""
                        update pledge set status = 'PAID', transaction_id = :tx, paid_at = now()
                         where id = :id and status = 'PENDING'
                        """)
                .bind("tx", transactionId).bind("id", pledgeId).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** PENDING → CLOSED: the payment never happened and can no longer happen. */
    Mono<Boolean> markClosed(long pledgeId) {
        return db.sql("update pledge set status = 'CLOSED' where id = :id and status = 'PENDING'")
                .bind("id", pledgeId).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Every paid money pledge of the campaign becomes REFUNDING; their ids. */
    Flux<Long> startRefunds(long campaignId) {
        return db.sql("""
                        update pledge set status = 'REFUNDING'
                         where campaign_id = :c and kind = 'MONEY' and status = 'PAID' returning id
                        """)
                .bind("c", campaignId).map(row -> row.get("id", Long.class)).all();
    }

    Mono<Void> markRefundRequested(long pledgeId) {
        return db.sql("update pledge set refund_requested_at = coalesce(refund_requested_at, now()) where id = :id")
                .bind("id", pledgeId).then();
    }

    /** REFUNDING → REFUNDED, once. */
    Mono<Boolean> markRefunded(long pledgeId) {
        return db.sql("update pledge set status = 'REFUNDED', refunded_at = now() where id = :id and status = 'REFUNDING'")
                .bind("id", pledgeId).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<Pledge> pledgeByKey(String key) {
        return db.sql("select * from pledge where idempotency_key = :key").bind("key", key).map(FestivalRepository::pledge).one();
    }

    Mono<Pledge> lockPledge(long id) {
        return db.sql("select * from pledge where id = :id for update").bind("id", id).map(FestivalRepository::pledge).one();
    }

    Flux<Pledge> pledgesOf(Collection<Long> campaignIds) {
        return db.sql("select * from pledge where campaign_id = any(:ids) order by created_at desc, id desc")
                .bind("ids", Ids.array(campaignIds)).map(FestivalRepository::pledge).all();
    }

    Mono<Boolean> setPledgeStatus(long id, String from, String to, @Nullable Integer attendedMinutes) {
        var spec = db.sql("""
                update pledge set status = :to, attended_minutes = coalesce(:minutes, attended_minutes)
                 where id = :id and status = :from
                """).bind("to", to).bind("id", id).bind("from", from);
        spec = attendedMinutes == null ? spec.bindNull("minutes", Integer.class) : spec.bind("minutes", attendedMinutes);
        return spec.fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<Void> markReceived(long needId, int quantity) {
        return db.sql("update campaign_item_need set quantity_received = quantity_received + :q where id = :id")
                .bind("q", quantity).bind("id", needId).then();
    }

    /** Releases every pledged (not yet received) item of a failed campaign, and what they had reserved. */
    Mono<Void> releaseItems(long campaignId) {
        return db.sql("""
                        with released as (
                            update pledge set status = 'RELEASED'
                             where campaign_id = :c and kind = 'ITEM' and status = 'PLEDGED'
                            returning need_id, quantity
                        ), totals as (select need_id, sum(quantity) as q from released group by need_id)
                        update campaign_item_need n set quantity_pledged = n.quantity_pledged - t.q
                          from totals t where n.id = t.need_id
                        """)
                .bind("c", campaignId).then();
    }

    // ---- expenses ----

    Mono<Expense> insertExpense(long campaignId, String category, long amountFen, long receiptPhotoId, @Nullable String note,
                                long recordedBy, boolean needsApproval) {
        var spec = db.sql("""
                insert into campaign_expense (campaign_id, category, amount_fen, receipt_photo_id, note, recorded_by, status,
                                              approved_at)
                values (:c, :category, :amount, :receipt, :note, :by, :status,
                        case when :status = 'APPROVED' then now() end)
                returning *
                """).bind("c", campaignId).bind("category", category).bind("amount", amountFen).bind("receipt", receiptPhotoId)
                .bind("by", recordedBy).bind("status", needsApproval ? "PENDING" : "APPROVED");
        spec = text(spec, "note", note);
        return spec.map(FestivalRepository::expense).one();
    }

    Mono<Expense> lockExpense(long id) {
        return db.sql("select * from campaign_expense where id = :id for update").bind("id", id)
                .map(FestivalRepository::expense).one();
    }

    Mono<Boolean> approveExpense(long id, long approver) {
        return db.sql("""
                        update campaign_expense set status = 'APPROVED', approved_by = :by, approved_at = now()
                         where id = :id and status = 'PENDING' and recorded_by <> :by
                        """)
                .bind("by", approver).bind("id", id).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Flux<Expense> expensesOf(long campaignId) {
        return db.sql("select * from campaign_expense where campaign_id = :c order by created_at, id").bind("c", campaignId)
                .map(FestivalRepository::expense).all();
    }

    // ---- mapping ----

    private static DatabaseClient.GenericExecuteSpec text(DatabaseClient.GenericExecuteSpec spec, String name,
                                                          @Nullable String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static DatabaseClient.GenericExecuteSpec number(DatabaseClient.GenericExecuteSpec spec, String name,
                                                            @Nullable Long value) {
        return value == null ? spec.bindNull(name, Long.class) : spec.bind(name, value);
    }

    static Campaign campaign(Readable row) {
        String[] branches = row.get("branch_venues", String[].class);
        return new Campaign(row.get("id", Long.class), row.get("community_id", Long.class), row.get("theme", String.class),
                row.get("festival_date", LocalDate.class), row.get("main_venue", String.class),
                branches == null ? List.of() : Arrays.asList(branches), row.get("description", String.class),
                row.get("cover_photo_id", Long.class), row.get("deadline", OffsetDateTime.class).toInstant(),
                row.get("money_goal_fen", Long.class), row.get("funding_rule", String.class),
                row.get("matching_sponsor", String.class), row.get("matching_cap_fen", Long.class),
                row.get("status", String.class), row.get("created_at", OffsetDateTime.class).toInstant());
    }

    static Pledge pledge(Readable row) {
        return new Pledge(row.get("id", Long.class), row.get("campaign_id", Long.class), row.get("kind", String.class),
                row.get("account_id", Long.class), row.get("contributor_kind", String.class),
                row.get("contributor_name", String.class), Boolean.TRUE.equals(row.get("anonymous", Boolean.class)),
                row.get("message", String.class), row.get("amount_fen", Long.class), row.get("need_id", Long.class),
                row.get("quantity", Integer.class), row.get("role_id", Long.class), row.get("status", String.class),
                row.get("receipt_photo_id", Long.class), row.get("request_hash", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }

    static Expense expense(Readable row) {
        return new Expense(row.get("id", Long.class), row.get("campaign_id", Long.class), row.get("category", String.class),
                row.get("amount_fen", Long.class), row.get("receipt_photo_id", Long.class), row.get("note", String.class),
                row.get("recorded_by", Long.class), row.get("status", String.class), row.get("approved_by", Long.class),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }
}
