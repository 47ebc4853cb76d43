package cn.linli.festival;

import java.time.Instant;

import cn.linli.festival.FestivalRecords.Pledge;
import cn.linli.platform.timer.Timers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * What a refund's WeChat Pay answer changes, each in one transaction of its own, after the call (no transaction is
 * open while WeChat Pay answers). Every change is conditional on the pledge still being REFUNDING, so a repeated answer
 * (a timer fired again after a crash, a notification racing the query) changes nothing twice.
 */
@Service
class RefundOutcomes {

    private final PledgeRepository pledges;
    private final FestivalNotices notices;
    private final Timers timers;

    RefundOutcomes(PledgeRepository pledges, FestivalNotices notices, Timers timers) {
        this.pledges = pledges;
        this.notices = notices;
        this.timers = timers;
    }

    /** WeChat Pay accepted (or answered) the refund request. */
    @Transactional
    public Mono<Void> requested(Pledge pledge, String status) {
        return pledges.markRefundRequested(pledge.id()).then(next(pledge, RefundLifecycle.afterRequest(status)));
    }

    /** WeChat Pay told us, when asked, where the refund stands. */
    @Transactional
    public Mono<Void> queried(Pledge pledge, String status) {
        return next(pledge, RefundLifecycle.afterQuery(status));
    }

    /** REFUNDING → REFUNDED once, and the pledger told once (joins a notification's transaction). */
    @Transactional
    public Mono<Void> refunded(Pledge pledge) {
        return pledges.markRefunded(pledge.id()).flatMap(done -> done ? notices.refundMade(pledge) : Mono.<Void>empty());
    }

    private Mono<Void> next(Pledge pledge, RefundLifecycle.Next next) {
        return switch (next) {
            case MARK_REFUNDED -> refunded(pledge);
            case CHECK_LATER -> timers.schedule(FestivalTimers.PLEDGE_REFUND_CHECK, pledge.id(), Instant.now().plusSeconds(60));
            case REQUEST_AGAIN -> timers.schedule(FestivalTimers.PLEDGE_REFUND, pledge.id(), Instant.now().plusSeconds(600));
        };
    }
}
