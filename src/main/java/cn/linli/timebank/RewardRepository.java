package cn.linli.timebank;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.PageRequest;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class RewardRepository {

    private final DatabaseClient db;

    RewardRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insertReward(long communityId, long partnerId, String kind, String title, @Nullable String description,
                            int price, int stock, LocalDate validTo, int voucherDays) {
        var spec = db.sql("""
                insert into reward (community_id, partner_id, kind, title, description, points_price, stock, valid_to,
                                    voucher_valid_days)
                values (:community, :partner, :kind, :title, :description, :price, :stock, :validTo, :days) returning id
                """).bind("community", communityId).bind("partner", partnerId).bind("kind", kind).bind("title", title)
                .bind("price", price).bind("stock", stock).bind("validTo", validTo).bind("days", voucherDays);
        spec = description == null ? spec.bindNull("description", String.class) : spec.bind("description", description);
        return spec.map(row -> row.get("id", Long.class)).one();
    }

    Flux<Reward> rewardsByIds(Collection<Long> ids) {
        return db.sql("select * from reward where id = any(:ids)").bind("ids", Ids.array(ids))
                .map(RewardRepository::reward).all();
    }

    Flux<Reward> available(long communityId, @Nullable String kind, PageRequest page) {
        var spec = db.sql("""
                        select * from reward
                         where community_id = :community and active and stock > 0
                           and valid_to >= (now() at time zone 'Asia/Shanghai')::date
                           and (cast(:kind as text) is null or kind = :kind)
                           and (cast(:afterTime as timestamptz) is null or (created_at, id) > (:afterTime, :afterId))
                         order by created_at, id limit :limit
                        """)
                .bind("community", communityId).bind("limit", page.limitPlusOne());
        spec = kind == null ? spec.bindNull("kind", String.class) : spec.bind("kind", kind);
        var after = page.after();
        spec = after == null ? spec.bindNull("afterTime", Instant.class) : spec.bind("afterTime", after.createdAt());
        spec = after == null ? spec.bindNull("afterId", Long.class) : spec.bind("afterId", after.id());
        return spec.map(RewardRepository::reward).all();
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

    record PastRedemption(long id, String hash) {
    }

    Mono<PastRedemption> redemptionByKey(String key) {
        return db.sql("select id, request_hash from redemption where idempotency_key = :key").bind("key", key)
                .map(row -> new PastRedemption(row.get("id", Long.class), row.get("request_hash", String.class))).one();
    }

    Mono<Void> insertVoucher(long redemptionId, long rewardId, long ownerId, String code, int points, Instant expiresAt) {
        return db.sql("""
                        insert into voucher (redemption_id, reward_id, owner_id, code, points_paid, status, expires_at)
                        values (:redemption, :reward, :owner, :code, :points, 'ISSUED', :expires)
                        """)
                .bind("redemption", redemptionId).bind("reward", rewardId).bind("owner", ownerId).bind("code", code)
                .bind("points", points).bind("expires", expiresAt).then();
    }

    Flux<Voucher> vouchersOfRedemption(long redemptionId) {
        return db.sql("select * from voucher where redemption_id = :r order by id").bind("r", redemptionId)
                .map(RewardRepository::voucher).all();
    }

    Flux<Voucher> vouchersOf(long ownerId, @Nullable String status) {
        var spec = db.sql("""
                        select * from voucher where owner_id = :owner and (cast(:status as text) is null or status = :status)
                         order by created_at desc, id desc limit 200
                        """).bind("owner", ownerId);
        spec = status == null ? spec.bindNull("status", String.class) : spec.bind("status", status);
        return spec.map(RewardRepository::voucher).all();
    }

    Mono<Voucher> lockVoucherByCode(String code) {
        return db.sql("select * from voucher where code = :code for update").bind("code", code)
                .map(RewardRepository::voucher).one();
    }

    Mono<Voucher> lockVoucher(long id) {
        return db.sql("select * from voucher where id = :id for update").bind("id", id).map(RewardRepository::voucher).one();
    }

    /** Moves the voucher from ISSUED to {@code status}; false when it was not ISSUED any more. */
    Mono<Boolean> closeVoucher(long id, String status, @Nullable Long verifiedBy) {
        var spec = db.sql("""
                update voucher set status = :status,
                       used_at = case when :status = 'USED' then now() else null end, verified_by = :by
                 where id = :id and status = 'ISSUED'
                """).bind("status", status).bind("id", id);
        spec = verifiedBy == null ? spec.bindNull("by", Long.class) : spec.bind("by", verifiedBy);
        return spec.fetch().rowsUpdated().map(rows -> rows == 1);
    }

    static Reward reward(Readable row) {
        return new Reward(row.get("id", Long.class), row.get("community_id", Long.class), row.get("partner_id", Long.class),
                row.get("kind", String.class), row.get("title", String.class), row.get("description", String.class),
                row.get("points_price", Integer.class), row.get("stock", Integer.class),
                row.get("valid_to", LocalDate.class), row.get("voucher_valid_days", Integer.class),
                Boolean.TRUE.equals(row.get("active", Boolean.class)),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }

    static Voucher voucher(Readable row) {
        OffsetDateTime used = row.get("used_at", OffsetDateTime.class);
        return new Voucher(row.get("id", Long.class), row.get("reward_id", Long.class), row.get("owner_id", Long.class),
                row.get("code", String.class), row.get("points_paid", Integer.class), row.get("status", String.class),
                row.get("expires_at", OffsetDateTime.class).toInstant(), used == null ? null : used.toInstant(),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }

}
