package cn.linli.festival;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.linli.festival.FestivalRecords.Pledge;
import cn.linli.identity.Account;
import cn.linli.identity.IdentityService;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.Keyset;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The campaign's item and volunteer pledges as its staff confirm them on the day (items received, volunteers
 * attended): the staff console lists them with who made each, so staff need no pledge number from elsewhere.
 */
@Service
class PledgesToConfirm {

    /** Pledges staff confirm: items (received) and volunteer time (attended). */
    static final Set<PledgeKind> KINDS = EnumSet.of(PledgeKind.ITEM, PledgeKind.TIME);

    /** A pledge with its supporter's display name (staff see it even when the wall hides it). */
    record Line(Pledge pledge, @Nullable String supporterName) {

        Keyset position() {
            return new Keyset(pledge.createdAt(), pledge.id());
        }
    }

    private final CampaignService campaigns;
    private final FestivalAccess access;
    private final PledgeRepository pledges;
    private final IdentityService identity;

    PledgesToConfirm(CampaignService campaigns, FestivalAccess access, PledgeRepository pledges, IdentityService identity) {
        this.campaigns = campaigns;
        this.access = access;
        this.pledges = pledges;
        this.identity = identity;
    }

    Mono<Connection<Line>> page(Viewer viewer, String campaignId, @Nullable Integer first, @Nullable String after) {
        return Mono.defer(() -> {
            long id = Ids.parse(campaignId, "campaignId");
            PageRequest page = PageRequest.of(first, after);
            return campaigns.find(id)
                    .flatMap(campaign -> access.requireStaff(viewer, campaign.communityId()))
                    .then(pledges.toConfirm(id, KINDS, page).collectList())
                    .flatMap(this::withNames)
                    .map(lines -> Connection.of(lines, page, Line::position));
        });
    }

    private Mono<List<Line>> withNames(List<Pledge> page) {
        List<Long> people = page.stream().map(Pledge::accountId).filter(Objects::nonNull).distinct().toList();
        return identity.accountsByIds(people).map(accounts -> page.stream()
                .map(pledge -> new Line(pledge, nameOf(pledge, accounts))).toList());
    }

    private static @Nullable String nameOf(Pledge pledge, Map<Long, Account> accounts) {
        if (pledge.contributorName() != null) {
            return pledge.contributorName();
        }
        Account account = pledge.accountId() == null ? null : accounts.get(pledge.accountId());
        return account == null ? null : account.nickname();
    }
}
