package cn.linli.festival;

import java.util.EnumSet;
import java.util.Set;

import cn.linli.festival.FestivalRecords.Pledge;
import cn.linli.wechat.WeChatPay;

/**
 * What WeChat Pay's answers mean for a money pledge: whether a notification matches what we asked for, and what a
 * reconciliation query leads to. Pure, so every answer WeChat Pay can give is unit-tested.
 */
final class PaymentReconciliation {

    /** WeChat Pay's trade states (NOT_FOUND: WeChat Pay never saw the order); anything new is UNKNOWN. */
    enum TradeState {
        SUCCESS, REFUND, NOTPAY, CLOSED, REVOKED, USERPAYING, PAYERROR, NOT_FOUND, UNKNOWN;

        /** States after which the order can never be paid. */
        private static final Set<TradeState> NEVER_PAID = EnumSet.of(CLOSED, PAYERROR, REVOKED, NOT_FOUND);

        static TradeState of(String state) {
            for (TradeState known : values()) {
                if (known.name().equals(state)) {
                    return known;
                }
            }
            return UNKNOWN;
        }

        boolean neverPaid() {
            return NEVER_PAID.contains(this);
        }
    }

    /** What a reconciliation query of a pending pledge leads to. */
    enum Outcome {
        /** Paid: PENDING → PAID, as the lost notification would have done. */
        MARK_PAID,
        /** WeChat Pay will never take this payment: PENDING → CLOSED. */
        CLOSE,
        /** Unpaid for too long: close the WeChat Pay order first (so it cannot be paid later), then the pledge. */
        CLOSE_AT_WECHAT_PAY,
        /** Still being paid: ask again later. */
        CHECK_LATER
    }

    static Outcome afterQuery(WeChatPay.PaymentState state, long pledgeFen, boolean expired) {
        TradeState trade = TradeState.of(state.tradeState());
        if (trade == TradeState.SUCCESS && state.amountFen() == pledgeFen) {
            return Outcome.MARK_PAID;
        }
        if (trade.neverPaid()) {
            return Outcome.CLOSE;
        }
        return expired ? Outcome.CLOSE_AT_WECHAT_PAY : Outcome.CHECK_LATER;
    }

    /** Whether a notification reports a successful payment at all (others are answered and ignored). */
    static boolean reportsPayment(WeChatPay.PaymentNotification notification) {
        return TradeState.of(notification.tradeState()) == TradeState.SUCCESS;
    }

    /** A payment notification matches a money pledge of exactly its amount. */
    static boolean matches(Pledge pledge, WeChatPay.PaymentNotification notification) {
        return pledge.kind() == PledgeKind.MONEY && pledge.amountFen() != null
                && pledge.amountFen() == notification.amountFen();
    }

    /** A refund notification matches the full refund of this pledge's own payment, the only refund we ask for. */
    static boolean matches(Pledge pledge, WeChatPay.RefundNotification notification) {
        Long amount = pledge.amountFen();
        return PaymentNumbers.outTradeNo(pledge.id()).equals(notification.outTradeNo()) && amount != null
                && notification.refundFen() == amount && notification.totalFen() == amount;
    }

    private PaymentReconciliation() {
    }
}
