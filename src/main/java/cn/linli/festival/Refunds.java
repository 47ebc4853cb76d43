package cn.linli.festival;

import cn.linli.festival.FestivalRecords.Pledge;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.wechat.WeChatPay;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Refunds of a failed all-or-nothing campaign's paid pledges: asked of WeChat Pay by a timer (retried with back-off
 * while WeChat Pay fails; the refund number derived from the pledge keeps it from refunding twice), confirmed by its
 * notification or by querying it. Pledges are read without a lock before each WeChat Pay call; the REFUNDING →
 * REFUNDED update after it happens once, whoever gets there first.
 */
@Service
class Refunds {

    private static final String REASON = "邻里节众筹未达目标，全额退款";

    private final PledgeRepository pledges;
    private final WeChatPay weChatPay;
    private final RefundOutcomes outcomes;

    Refunds(PledgeRepository pledges, WeChatPay weChatPay, RefundOutcomes outcomes) {
        this.pledges = pledges;
        this.weChatPay = weChatPay;
        this.outcomes = outcomes;
    }

    /**
     * Timer (leased, outside any transaction): asks WeChat Pay to refund a REFUNDING pledge, then records the answer in
     * a transaction of its own. A repeat after a crash asks again with the same refund number, which WeChat Pay does
     * not refund twice.
     */
    public Mono<Void> requestRefund(long pledgeId) {
        return refunding(pledgeId)
                .flatMap(pledge -> weChatPay.refund(PaymentNumbers.outTradeNo(pledgeId), PaymentNumbers.outRefundNo(pledgeId),
                                pledge.amountFen(), pledge.amountFen(), REASON)
                        .flatMap(status -> outcomes.requested(pledge, status)));
    }

    /** Timer (leased, outside any transaction): a refund WeChat Pay has not notified about yet is confirmed by querying it. */
    public Mono<Void> checkRefund(long pledgeId) {
        return refunding(pledgeId)
                .flatMap(pledge -> weChatPay.refundStatus(PaymentNumbers.outRefundNo(pledgeId))
                        .flatMap(status -> outcomes.queried(pledge, status)));
    }

    /**
     * A verified refund notification: the pledge is REFUNDED once. It must be the full refund of this pledge's own
     * payment (we only ever ask for that); anything else is refused and changes nothing.
     */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Void> confirmRefund(WeChatPay.RefundNotification notification) {
        if (!RefundLifecycle.reportsRefund(notification.refundStatus()) || !PaymentNumbers.isRefundNo(notification.outRefundNo())) {
            return Mono.empty();
        }
        Long pledgeId = PaymentNumbers.pledgeOfRefund(notification.outRefundNo());
        if (pledgeId == null) {
            return Mono.error(new PaymentMismatch("unknown out_refund_no " + notification.outRefundNo()));
        }
        return pledges.lock(pledgeId)
                .switchIfEmpty(Mono.error(() -> new PaymentMismatch("unknown out_refund_no " + notification.outRefundNo())))
                .flatMap(pledge -> PaymentReconciliation.matches(pledge, notification) ? outcomes.refunded(pledge)
                        : Mono.error(new PaymentMismatch("refund " + notification.outRefundNo() + " does not match pledge "
                        + pledgeId + ": " + notification.outTradeNo() + " refunded " + notification.refundFen() + " of "
                        + notification.totalFen())));
    }

    private Mono<Pledge> refunding(long pledgeId) {
        return pledges.find(pledgeId).filter(pledge -> pledge.status() == PledgeStatus.REFUNDING && pledge.amountFen() != null);
    }

}
