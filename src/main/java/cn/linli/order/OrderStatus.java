package cn.linli.order;

/** Where an order is in its life (schema {@code OrderStatus}); {@link OrderLifecycle} says how it moves. */
public enum OrderStatus {
    SUBMITTED("待派单"),
    DISPATCHED("待接单"),
    ACCEPTED("已接单"),
    IN_SERVICE("服务中"),
    COMPLETED("待确认"),
    CONFIRMED("已完成"),
    CANCELLED("已取消");

    private final String displayName;

    OrderStatus(String displayName) {
        this.displayName = displayName;
    }

    /** The name residents and partners see, e.g. in error messages. */
    public String displayName() {
        return displayName;
    }

    /** With a partner assigned, the order holds a unit of that partner's capacity in these states. */
    boolean holdsCapacity() {
        return this == DISPATCHED || this == ACCEPTED || this == IN_SERVICE;
    }

    /** The partner is serving the order: it sees the resident's phone in full. */
    boolean serving() {
        return this == ACCEPTED || this == IN_SERVICE;
    }

    /** The enum names, for binding {@code status = any(:from)} guards. */
    static String[] names(java.util.Collection<OrderStatus> statuses) {
        return statuses.stream().map(Enum::name).toArray(String[]::new);
    }
}
