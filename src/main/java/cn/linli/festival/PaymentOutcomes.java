package cn.linli.festival;

import java.time.Instant;

import cn.linli.festival.FestivalRecords.Pledge;
import cn.linli.platform.timer.Timers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * What a payment's WeChat Pay answer changes, in a transaction of its own after the call. Every change is conditional
 * on the pledge still being PENDING, so a notification racing the query, or a timer fired again, changes it once.
 */
@Service
class PaymentOutcomes {

    private final PledgeRepository pledges;
    private final CampaignEvents events;
    private final FestivalNotices notices;
    private final Timers timers;
    private final FestivalProperties properties;

    PaymentOutcomes(PledgeRepository pledges, CampaignEvents events, FestivalNotices notices, Timers timers,
                    FestivalProperties properties) {
        this.pledges = pledges;
        this.events = events;
        this.notices = notices;
        this.timers = timers;
        this.properties = properties;
    }

    /** PENDING → PAID once: progress moves (after commit) and, when WeChat Pay told us, the pledger hears of it. */
    @Transactional
    public Mono<Void> paid(Pledge pledge, String transactionId, boolean tellPledger) {
        return pledges.markPaid(pledge.id(), transactionId)
                .flatMap(done -> !done ? Mono.<Void>empty()
                        : events.changed(pledge.campaignId()).then(tellPledger ? notices.pledgePaid(pledge) : Mono.empty()));
    }

    /** The pledge will never be paid: PENDING → CLOSED. */
    @Transactional
    public Mono<Void> closed(Pledge pledge) {
        return pledges.markClosed(pledge.id()).then();
    }

    /** Not paid yet, still payable: asked again later. */
    @Transactional
    public Mono<Void> checkLater(Pledge pledge) {
        return timers.schedule(FestivalTimers.PLEDGE_PAYMENT_CHECK, pledge.id(), Instant.now().plus(properties.paymentCheckAfter()));
    }
}
