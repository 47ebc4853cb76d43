package cn.linli.festival;

import java.util.List;

import cn.linli.community.CommunityService;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Role;
import cn.linli.platform.security.Viewer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may do what with festival campaigns: staff of the campaign's community run it (create, publish, close, record
 * offline money and expenses, confirm items and attendance); residents see open campaigns and pledge; the public
 * ledger is for residents and staff of the community. The one place these rules live.
 */
@Component
class FestivalAccess {

    private final CommunityService communities;

    FestivalAccess(CommunityService communities) {
        this.communities = communities;
    }

    /** FORBIDDEN unless the viewer is staff of the community (or an admin). */
    Mono<Void> requireStaff(Viewer viewer, long communityId) {
        return communities.requireStaffOf(viewer, communityId);
    }

    Mono<Boolean> isStaff(Viewer viewer, long communityId) {
        return requireStaff(viewer, communityId).thenReturn(true).onErrorReturn(LinliException.class, false);
    }

    /** A draft is seen only by its community's staff; to anyone else it does not exist. */
    Mono<Campaign> requireVisible(Viewer viewer, Campaign campaign) {
        if (CampaignLifecycle.visibleToResidents(campaign.status())) {
            return Mono.just(campaign);
        }
        return isStaff(viewer, campaign.communityId())
                .flatMap(staff -> staff ? Mono.just(campaign) : Mono.error(LinliException.notFound("众筹")));
    }

    /** Lists include drafts for the community's staff only. */
    Mono<Boolean> seesDrafts(Viewer viewer, long communityId) {
        return isStaff(viewer, communityId);
    }

    /**
     * The public ledger: admins, the community's staff and residents of one of its households — of a campaign they
     * may see at all: a draft's ledger (its planned expenses, notes and receipts) is as invisible as the draft.
     */
    Mono<Void> requireLedgerReader(Viewer viewer, Campaign campaign) {
        return requireVisible(viewer, campaign).then(requireCommunityReader(viewer, campaign.communityId()));
    }

    private Mono<Void> requireCommunityReader(Viewer viewer, long communityId) {
        if (viewer.has(Role.ADMIN)) {
            return Mono.empty();
        }
        return Mono.zip(isStaff(viewer, communityId), livesIn(viewer, communityId))
                .flatMap(t -> t.getT1() || t.getT2() ? Mono.<Void>empty()
                        : Mono.error(new LinliException(ErrorCode.FORBIDDEN, "只有本社区居民可以查看账目")));
    }

    private Mono<Boolean> livesIn(Viewer viewer, long communityId) {
        return communities.householdsOfAccounts(List.of(viewer.accountId()))
                .map(byAccount -> byAccount.getOrDefault(viewer.accountId(), List.of()).stream()
                        .anyMatch(household -> household.communityId() == communityId));
    }
}
