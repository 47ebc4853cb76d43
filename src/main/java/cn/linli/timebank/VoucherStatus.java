package cn.linli.timebank;

/** Where a voucher stands ({@code voucher.status}); {@link VoucherLifecycle} says how it moves. */
public enum VoucherStatus {
    /** Redeemed, not yet used. */
    ISSUED,
    /** Verified by the supplying merchant. */
    USED,
    /** Given back by its owner; the points returned. */
    CANCELLED,
    /** Not used in time; the points returned. */
    EXPIRED
}
