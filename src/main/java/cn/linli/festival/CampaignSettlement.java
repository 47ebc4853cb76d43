package cn.linli.festival;

import java.time.Instant;

import cn.linli.platform.timer.Timers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * The deadline: an open campaign becomes FUNDED or FAILED by its money (raised plus matched, summed in SQL); a failed
 * all-or-nothing campaign releases its item pledges and starts refunding every paid pledge (one refund timer each).
 */
@Service
class CampaignSettlement {

    private final CampaignRepository campaigns;
    private final PledgeRepository pledges;
    private final ProgressService progress;
    private final FestivalNotices notices;
    private final Timers timers;

    CampaignSettlement(CampaignRepository campaigns, PledgeRepository pledges, ProgressService progress,
                       FestivalNotices notices, Timers timers) {
        this.campaigns = campaigns;
        this.pledges = pledges;
        this.progress = progress;
        this.notices = notices;
        this.timers = timers;
    }

    /** Timer (joins its transaction). The campaign row is locked: pledges sharing it finish first, none slips in. */
    @Transactional
    public Mono<Void> settle(long campaignId) {
        return campaigns.lock(campaignId)
                .filter(campaign -> CampaignLifecycle.settlesNow(campaign.status(), campaign.deadline(), Instant.now()))
                .flatMap(campaign -> progress.totalFen(campaign)
                        .flatMap(total -> settle(campaign, ProgressMath.goalReached(total, campaign.moneyGoalFen()))));
    }

    private Mono<Void> settle(Campaign campaign, boolean funded) {
        CampaignLifecycle.Action settlement = CampaignLifecycle.settlement(funded);
        CampaignLifecycle.check(campaign.status(), settlement, FestivalActor.DEADLINE);
        Mono<Void> tellSupporters = pledges.supporters(campaign.id()).collectList()
                .flatMap(people -> notices.settled(campaign, people, funded));
        boolean giveBack = !funded && campaign.fundingRule().givesBackOnFailure();
        return tellSupporters
                .then(campaigns.settle(campaign.id(), settlement))
                .then(giveBack ? giveBack(campaign.id()) : Mono.empty());
    }

    /** Items go back to the need; paid money goes back through WeChat Pay, one timer per pledge (outside this lock). */
    private Mono<Void> giveBack(long campaignId) {
        return pledges.releaseItems(campaignId)
                .thenMany(pledges.startRefunds(campaignId))
                .concatMap(pledgeId -> timers.schedule(FestivalTimers.PLEDGE_REFUND, pledgeId, Instant.now()))
                .then();
    }
}
