package cn.linli.festival;

import java.time.Instant;
import java.util.Map;

import cn.linli.festival.FestivalInputs.PledgeMoneyInput;
import cn.linli.festival.FestivalRecords.Pledge;
import cn.linli.identity.IdentityService;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Viewer;
import cn.linli.wechat.WeChatPay;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Money pledges through WeChat Pay: the pledge is recorded (one transaction), then WeChat Pay is asked for the payment
 * (no transaction, no lock); WeChat Pay's notification or, if it is lost, a query makes it PAID once. No WeChat Pay
 * call is made while a pledge row is locked.
 */
@Service
class PaymentService {

    private final PledgeService pledgeService;
    private final PledgeRepository pledges;
    private final CampaignService campaigns;
    private final IdentityService identity;
    private final WeChatPay weChatPay;
    private final PaymentOutcomes outcomes;
    private final FestivalProperties properties;

    PaymentService(PledgeService pledgeService, PledgeRepository pledges, CampaignService campaigns,
                   IdentityService identity, WeChatPay weChatPay, PaymentOutcomes outcomes, FestivalProperties properties) {
        this.pledgeService = pledgeService;
        this.pledges = pledges;
        this.campaigns = campaigns;
        this.identity = identity;
        this.weChatPay = weChatPay;
        this.outcomes = outcomes;
        this.properties = properties;
    }

    /** A money pledge and the parameters for {@code wx.requestPayment}. */
    record MoneyPledge(Pledge pledge, WeChatPay.PaymentParams payment) {
    }

    /**
     * Records a PENDING money pledge, then (after its transaction committed) asks WeChat Pay for a JSAPI payment. A
     * retried request returns the same pledge and the same payment.
     */
    Mono<MoneyPledge> pledgeMoney(Viewer viewer, PledgeMoneyInput input) {
        return pledgeService.recordMoneyPledge(viewer, input)
                .flatMap(pledge -> pledge.status() != PledgeStatus.PENDING ? Mono.error(alreadyHandled())
                        : payment(viewer, pledge, input.amountFen()).map(payment -> new MoneyPledge(pledge, payment)));
    }

    private Mono<WeChatPay.PaymentParams> payment(Viewer viewer, Pledge pledge, long amountFen) {
        return Mono.zip(campaigns.find(pledge.campaignId()), identity.openidOf(viewer.accountId()))
                .flatMap(t -> weChatPay.createJsapiPayment(PaymentNumbers.outTradeNo(pledge.id()), amountFen,
                        "邻里节众筹：" + t.getT1().theme(), t.getT2()));
    }

    private static LinliException alreadyHandled() {
        return new LinliException(ErrorCode.VALIDATION_FAILED, "这笔捐款已处理", Map.of("field", "input.idempotencyKey"), null);
    }

    /**
     * A verified WeChat Pay notification: the pledge becomes PAID once, however many times (and however
     * concurrently) WeChat Pay repeats it. An unknown order or a different amount is refused and changes nothing.
     */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Void> confirmPayment(WeChatPay.PaymentNotification notification) {
        if (!PaymentReconciliation.reportsPayment(notification)) {
            return Mono.empty();
        }
        return pledges.lockByOutTradeNo(notification.outTradeNo())
                .switchIfEmpty(Mono.error(() -> new PaymentMismatch("unknown out_trade_no " + notification.outTradeNo())))
                .flatMap(pledge -> PaymentReconciliation.matches(pledge, notification)
                        ? outcomes.paid(pledge, notification.transactionId(), true)
                        : Mono.error(new PaymentMismatch("amount " + notification.amountFen()
                        + " does not match pledge " + pledge.id())));
    }

    /**
     * Timer (leased, outside any transaction): a pledge still pending is checked with WeChat Pay. Paid → PAID (as the
     * notification would have done); never payable → CLOSED; unpaid and too old → the WeChat Pay order is closed and
     * the pledge CLOSED; otherwise checked again later. Each outcome is recorded in a transaction of its own after
     * WeChat Pay answered; its conditional updates change nothing a racing notification already changed.
     */
    public Mono<Void> checkPayment(long pledgeId) {
        String outTradeNo = PaymentNumbers.outTradeNo(pledgeId);
        return pledges.find(pledgeId)
                .filter(pledge -> pledge.status() == PledgeStatus.PENDING && pledge.amountFen() != null)
                .flatMap(pledge -> weChatPay.paymentState(outTradeNo).flatMap(state -> {
                    boolean expired = pledge.createdAt().plus(properties.paymentExpiresAfter()).isBefore(Instant.now());
                    return switch (PaymentReconciliation.afterQuery(state, pledge.amountFen(), expired)) {
                        case MARK_PAID -> outcomes.paid(pledge, state.transactionId(), false);
                        case CLOSE -> outcomes.closed(pledge);
                        case CLOSE_AT_WECHAT_PAY -> weChatPay.closePayment(outTradeNo).then(outcomes.closed(pledge));
                        case CHECK_LATER -> outcomes.checkLater(pledge);
                    };
                }));
    }
}
