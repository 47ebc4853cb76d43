package cn.linli.festival;

import org.jspecify.annotations.Nullable;

/**
 * WeChat Pay merchant numbers of a money pledge, derived from the pledge id so they never change: a retried payment
 * or refund request reuses its number, and WeChat Pay never charges or refunds twice.
 */
final class PaymentNumbers {

    private static final String PAYMENT = "LLP";
    private static final String REFUND = "LLR";

    /** The merchant order number ({@code out_trade_no}) of the pledge's payment. */
    static String outTradeNo(long pledgeId) {
        return PAYMENT + String.format("%013d", pledgeId);
    }

    /** The merchant refund number ({@code out_refund_no}) of the pledge's refund. */
    static String outRefundNo(long pledgeId) {
        return REFUND + String.format("%013d", pledgeId);
    }

    /** Whether the refund number is one of ours (others are not the festival's to confirm). */
    static boolean isRefundNo(String outRefundNo) {
        return outRefundNo.startsWith(REFUND);
    }

    /** The pledge a refund number of ours was derived from; null when the rest is not a number. */
    static @Nullable Long pledgeOfRefund(String outRefundNo) {
        try {
            return Long.parseLong(outRefundNo.substring(REFUND.length()));
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private PaymentNumbers() {
    }
}
