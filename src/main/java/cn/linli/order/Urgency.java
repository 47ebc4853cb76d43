package cn.linli.order;

/** How urgent an order is (schema {@code Urgency}); urgent orders get a shorter accept deadline. */
public enum Urgency {
    NORMAL,
    URGENT
}
