package cn.linli.timebank;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Points held for points-priced orders ({@code points_hold}); states bound from {@link HoldStatus}. */
@Repository
class HoldRepository {

    private final DatabaseClient db;

    HoldRepository(DatabaseClient db) {
        this.db = db;
    }

    record Hold(long accountId, long communityId, int points) {
    }

    /** Opens the order's hold; false when it had one already (whatever its state). */
    Mono<Boolean> open(long orderId, long accountId, long communityId, int points) {
        return db.sql("""
                        insert into points_hold (order_id, account_id, community_id, points, status)
                        values (:order, :account, :community, :points, :status) on conflict do nothing
                        """)
                .bind("order", orderId).bind("account", accountId).bind("community", communityId).bind("points", points)
                .bind("status", HoldStatus.OPEN.name())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Closes the order's open hold as {@code status}; empty when there is no open hold. */
    Mono<Hold> close(long orderId, HoldStatus status) {
        return db.sql("""
                        update points_hold set status = :status, closed_at = now()
                         where order_id = :order and status = any(:from)
                        returning account_id, community_id, points
                        """)
                .bind("status", status.name()).bind("order", orderId)
                .bind("from", HoldStatus.closableFrom().stream().map(Enum::name).toArray(String[]::new))
                .mapProperties(Hold.class).one();
    }

    /** Points of the person's holds still open. */
    Mono<Long> openPoints(long accountId) {
        return db.sql("select coalesce(sum(points), 0) as held from points_hold where account_id = :a and status = :open")
                .bind("a", accountId).bind("open", HoldStatus.OPEN.name())
                .map(row -> row.get("held", Long.class)).one();
    }
}
