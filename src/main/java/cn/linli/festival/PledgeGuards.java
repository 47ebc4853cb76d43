package cn.linli.festival;

import java.time.Instant;

import cn.linli.festival.FestivalRecords.Pledge;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.idempotency.IdempotencyKeys;
import cn.linli.partner.PartnerService;
import cn.linli.platform.security.Viewer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What every pledge checks inside its transaction: the campaign takes pledges, and a retried request is replayed. */
@Component
class PledgeGuards {

    private final CampaignRepository campaigns;
    private final PledgeRepository pledges;
    private final PartnerService partners;

    PledgeGuards(CampaignRepository campaigns, PledgeRepository pledges, PartnerService partners) {
        this.campaigns = campaigns;
        this.pledges = pledges;
        this.partners = partners;
    }

    /** VALIDATION_FAILED unless the viewer may give under this kind (see {@link ContributorKind#pledgeableOnlineBy}). */
    Mono<Void> requireContributorKind(Viewer viewer, ContributorKind kind) {
        if (kind == ContributorKind.RESIDENT) {
            return Mono.empty();
        }
        return partners.membershipOf(viewer.accountId())
                .flatMap(member -> partners.findPartner(member.partnerId()))
                .map(partner -> kind.pledgeableOnlineBy(partner.kind()))
                .defaultIfEmpty(kind.pledgeableOnlineBy(null))
                .flatMap(allowed -> allowed ? Mono.<Void>empty() : Mono.error(LinliException.invalid(
                        "input.contributorKind", "只能以居民身份认捐；商家、组织须由其成员认捐，社区和政府出资由社区工作人员登记")));
    }

    /** Shares the campaign row (the deadline waits for this pledge) and refuses unless it is open. */
    Mono<Void> requireOpen(long campaignId) {
        return campaigns.share(campaignId)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("众筹")))
                .flatMap(campaign -> CampaignLifecycle.acceptsPledges(campaign.status(), campaign.deadline(), Instant.now())
                        ? Mono.<Void>empty() : Mono.error(new LinliException(ErrorCode.CAMPAIGN_NOT_OPEN)));
    }

    /** The request's fingerprint: a key reused for another request is refused. */
    static String fingerprint(Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            text.append(part).append('|');
        }
        return IdempotencyKeys.sha256(text.toString());
    }

    /** The pledge this key made before, if it was the same request. */
    Mono<Pledge> replay(String key, String hash) {
        return pledges.byKey(key)
                .flatMap(existing -> IdempotencyKeys.ifSameRequest(existing.requestHash(), hash, () -> Mono.just(existing)));
    }

}
