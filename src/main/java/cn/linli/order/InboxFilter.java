package cn.linli.order;

import java.util.Set;

/** Which orders a partner's inbox shows (schema {@code InboxFilter}), and the states each covers. */
enum InboxFilter {
    /** Dispatched to the partner, waiting for its answer. */
    DISPATCHED(Set.of(OrderStatus.DISPATCHED)),
    /** Offered to grab (no partner yet), not declined by this partner. */
    GRAB_OFFERS(Set.of(OrderStatus.DISPATCHED)),
    /** Accepted, in service or completed but not yet confirmed. */
    ACTIVE(Set.of(OrderStatus.ACCEPTED, OrderStatus.IN_SERVICE, OrderStatus.COMPLETED));

    private final Set<OrderStatus> statuses;

    InboxFilter(Set<OrderStatus> statuses) {
        this.statuses = statuses;
    }

    Set<OrderStatus> statuses() {
        return statuses;
    }
}
