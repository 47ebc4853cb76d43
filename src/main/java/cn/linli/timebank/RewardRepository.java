package cn.linli.timebank;

import java.time.Instant;
import java.util.Collection;

import cn.linli.platform.db.Binds;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Rewards, redemptions and vouchers; voucher states are bound from {@link VoucherLifecycle}. */
@Repository
class RewardRepository {

    private final DatabaseClient db;

    RewardRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insertReward(long communityId, long partnerId, RewardInputs.CreateRewardInput input) {
        return db.sql("""
                        insert into reward (community_id, partner_id, kind, title, description, points_price, stock, valid_to,
                                            voucher_valid_days)
                        values (:community, :partner, :kind, :title, :description, :price, :stock, :validTo, :days)
                        returning id
                        """)
                .bind("community", communityId).bind("partner", partnerId).bind("kind", input.kind().name())
                .bind("title", input.title()).bind("description", Binds.nullable(input.description(), String.class))
                .bind("price", input.pointsPrice()).bind("stock", input.stock()).bind("validTo", input.validTo())
                .bind("days", input.validDays())
                .map(row -> row.get("id", Long.class)).one();
    }

    Flux<Reward> rewardsByIds(Collection<Long> ids) {
        return db.sql("select * from reward where id = any(:ids)").bind("ids", Ids.array(ids))
                .mapProperties(Reward.class).all();
    }

    Flux<Reward> available(long communityId, @Nullable RewardKind kind, PageRequest page) {
        return page.bind(db.sql("""
                                select * from reward
                                 where community_id = :community and active and stock > 0
                                   and valid_to >= (now() at time zone 'Asia/Shanghai')::date
                                   and (cast(:kind as text) is null or kind = :kind)
                                   and %s
                                 order by created_at, id limit :limit
                                """.formatted(PageRequest.after("")))
                        .bind("community", communityId)
                        .bind("kind", Binds.nullable(kind == null ? null : kind.name(), String.class)))
                .mapProperties(Reward.class).all();
    }

    /** Takes stock; false when not enough is left (or the reward is withdrawn or past its validity). */
    Mono<Boolean> takeStock(long rewardId, int quantity) {
        return db.sql("""
                        update reward set stock = stock - :q
                         where id = :id and active and stock >= :q and valid_to >= (now() at time zone 'Asia/Shanghai')::date
                        """)
                .bind("q", quantity).bind("id", rewardId).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<Void> returnStock(long rewardId, int quantity) {
        return db.sql("update reward set stock = stock + :q where id = :id").bind("q", quantity).bind("id", rewardId).then();
    }

    /** Records the redeem request; empty when its key was used before. */
    Mono<Long> insertRedemption(String key, String hash, long rewardId, long accountId, int quantity) {
        return db.sql("""
                        insert into redemption (idempotency_key, request_hash, reward_id, account_id, quantity)
                        values (:key, :hash, :reward, :account, :q) on conflict (idempotency_key) do nothing returning id
                        """)
                .bind("key", key).bind("hash", hash).bind("reward", rewardId).bind("account", accountId).bind("q", quantity)
                .map(row -> row.get("id", Long.class)).one();
    }

    record PastRedemption(long id, String requestHash) {
    }

    Mono<PastRedemption> redemptionByKey(String key) {
        return db.sql("select id, request_hash from redemption where idempotency_key = :key").bind("key", key)
                .mapProperties(PastRedemption.class).one();
    }

    /** A new voucher starts {@code ISSUED}. */
    Mono<Void> insertVoucher(long redemptionId, long rewardId, long ownerId, String code, int points, Instant expiresAt) {
        return db.sql("""
                        insert into voucher (redemption_id, reward_id, owner_id, code, points_paid, status, expires_at)
                        values (:redemption, :reward, :owner, :code, :points, :status, :expires)
                        """)
                .bind("redemption", redemptionId).bind("reward", rewardId).bind("owner", ownerId).bind("code", code)
                .bind("points", points).bind("status", VoucherStatus.ISSUED.name()).bind("expires", expiresAt).then();
    }

    Flux<Voucher> vouchersOfRedemption(long redemptionId) {
        return db.sql("select * from voucher where redemption_id = :r order by id").bind("r", redemptionId)
                .mapProperties(Voucher.class).all();
    }

    Flux<Voucher> vouchersOf(long ownerId, @Nullable VoucherStatus status) {
        return db.sql("""
                        select * from voucher where owner_id = :owner and (cast(:status as text) is null or status = :status)
                         order by created_at desc, id desc limit 200
                        """)
                .bind("owner", ownerId)
                .bind("status", Binds.nullable(status == null ? null : status.name(), String.class))
                .mapProperties(Voucher.class).all();
    }

    Mono<Voucher> lockVoucherByCode(String code) {
        return db.sql("select * from voucher where code = :code for update").bind("code", code)
                .mapProperties(Voucher.class).one();
    }

    Mono<Voucher> lockVoucher(long id) {
        return db.sql("select * from voucher where id = :id for update").bind("id", id).mapProperties(Voucher.class).one();
    }

    /**
     * Makes the transition, guarded by its source state; false when another request moved the voucher first. A used
     * voucher records when and by whom; the others record neither.
     */
    Mono<Boolean> closeVoucher(long id, VoucherLifecycle.Transition transition, @Nullable Long verifiedBy) {
        return db.sql("""
                        update voucher set status = :to, used_at = case when :used then now() end, verified_by = :by
                         where id = :id and status = any(:from)
                        """)
                .bind("to", transition.to().name()).bind("used", transition.to() == VoucherStatus.USED)
                .bind("by", Binds.nullable(verifiedBy, Long.class)).bind("id", id)
                .bind("from", VoucherLifecycle.sourceNames(transition.action()))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }
}
