package cn.linli.festival;

import java.time.Instant;

import cn.linli.festival.FestivalRecords.Pledge;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.timer.Timers;
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
    private final FestivalNotices notices;
    private final Timers timers;

    Refunds(PledgeRepository pledges, WeChatPay weChatPay, FestivalNotices notices, Timers timers) {
        this.pledges = pledges;
        this.weChatPay = weChatPay;
        this.notices = notices;
        this.timers = timers;
    }

    /** Timer (joins its transaction): asks WeChat Pay to refund a REFUNDING pledge. */
    @Transactional
    public Mono<Void> requestRefund(long pledgeId) {
        return refunding(pledgeId)
                .flatMap(pledge -> weChatPay.refund(PaymentNumbers.outTradeNo(pledgeId), PaymentNumbers.outRefundNo(pledgeId),
                                pledge.amountFen(), pledge.amountFen(), REASON)
                        .flatMap(status -> pledges.markRefundRequested(pledgeId)
                                .then(next(pledge, RefundLifecycle.afterRequest(status)))));
    }

    /** Timer (joins its transaction): a refund WeChat Pay has not notified about yet is confirmed by querying it. */
    @Transactional
    public Mono<Void> checkRefund(long pledgeId) {
        return refunding(pledgeId)
                .flatMap(pledge -> weChatPay.refundStatus(PaymentNumbers.outRefundNo(pledgeId))
                        .flatMap(status -> next(pledge, RefundLifecycle.afterQuery(status))));
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
                .flatMap(pledge -> PaymentReconciliation.matches(pledge, notification) ? refunded(pledge)
                        : Mono.error(new PaymentMismatch("refund " + notification.outRefundNo() + " does not match pledge "
                        + pledgeId + ": " + notification.outTradeNo() + " refunded " + notification.refundFen() + " of "
                        + notification.totalFen())));
    }

    private Mono<Pledge> refunding(long pledgeId) {
        return pledges.find(pledgeId).filter(pledge -> pledge.status() == PledgeStatus.REFUNDING && pledge.amountFen() != null);
    }

    private Mono<Void> next(Pledge pledge, RefundLifecycle.Next next) {
        return switch (next) {
            case MARK_REFUNDED -> refunded(pledge);
            case CHECK_LATER -> timers.schedule(FestivalTimers.PLEDGE_REFUND_CHECK, pledge.id(), Instant.now().plusSeconds(60));
            case REQUEST_AGAIN -> timers.schedule(FestivalTimers.PLEDGE_REFUND, pledge.id(), Instant.now().plusSeconds(600));
        };
    }

    /** REFUNDING → REFUNDED once, and the pledger told once. */
    private Mono<Void> refunded(Pledge pledge) {
        return pledges.markRefunded(pledge.id()).flatMap(done -> done ? notices.refundMade(pledge) : Mono.<Void>empty());
    }
}
