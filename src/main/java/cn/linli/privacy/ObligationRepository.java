package cn.linli.privacy;

import java.util.EnumSet;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * What a person still owes or is owed, in one statement: what others rely on must be settled before their account is
 * erased. Points on hold for an order count as points (the order is open anyway).
 */
@Repository
class ObligationRepository {

    /**
     * Finished orders (order's OrderStatus CONFIRMED, CANCELLED). The names, not the enum: order and the other
     * features call this package (the consent gate, the access log), so it must not depend on them in turn.
     */
    static final String[] CLOSED_ORDERS = {"CONFIRMED", "CANCELLED"};
    /**
     * Pledges still moving (festival's PledgeStatus): awaiting payment, being refunded, items promised but not yet
     * received, volunteers signed up but not yet attended.
     */
    static final String[] UNSETTLED_PLEDGES = {"PENDING", "REFUNDING", "PLEDGED", "SIGNED_UP"};

    private record Row(boolean openOrders, boolean unsettledPledges, boolean points, boolean headWithOthers) {
    }

    private final DatabaseClient db;

    ObligationRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<List<DeletionBlocker>> blockers(long accountId) {
        return db.sql("""
                        select exists (select 1 from service_order
                                        where resident_id = :a and status <> all(:closedOrders)) as open_orders,
                               exists (select 1 from pledge
                                        where account_id = :a and status = any(:unsettledPledges)) as unsettled_pledges,
                               exists (select 1 from timebank_account where owner_account_id = :a and balance > 0)
                                 or exists (select 1 from points_hold where account_id = :a and status = 'OPEN') as points,
                               exists (select 1 from household_member h
                                        where h.account_id = :a and h.is_head
                                          and exists (select 1 from household_member o
                                                       where o.household_id = h.household_id and o.account_id <> :a))
                                   as head_with_others
                        """)
                .bind("a", accountId).bind("closedOrders", CLOSED_ORDERS).bind("unsettledPledges", UNSETTLED_PLEDGES)
                .mapProperties(Row.class).one()
                .map(ObligationRepository::blockers);
    }

    private static List<DeletionBlocker> blockers(Row row) {
        EnumSet<DeletionBlocker> found = EnumSet.noneOf(DeletionBlocker.class);
        if (row.openOrders()) {
            found.add(DeletionBlocker.OPEN_ORDERS);
        }
        if (row.unsettledPledges()) {
            found.add(DeletionBlocker.UNSETTLED_PLEDGES);
        }
        if (row.points()) {
            found.add(DeletionBlocker.POINTS);
        }
        if (row.headWithOthers()) {
            found.add(DeletionBlocker.HEAD_OF_HOUSEHOLD);
        }
        return List.copyOf(found);
    }
}
