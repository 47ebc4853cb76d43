package cn.linli.festival;

/**
 * WeChat Pay merchant numbers of a money pledge, derived from the pledge id so they never change: a retried payment
 * or refund request reuses its number, and WeChat Pay never charges or refunds twice.
 */
final class PaymentNumbers {

    /** The merchant order number ({@code out_trade_no}) of the pledge's payment. */
    static String outTradeNo(long pledgeId) {
        return "LLP" + String.format("%013d", pledgeId);
    }

    /** The merchant refund number ({@code out_refund_no}) of the pledge's refund. */
    static String outRefundNo(long pledgeId) {
        return "LLR" + String.format("%013d", pledgeId);
    }

    private PaymentNumbers() {
    }
}
