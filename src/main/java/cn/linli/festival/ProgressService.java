package cn.linli.festival;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import cn.linli.festival.FestivalRecords.ItemNeed;
import cn.linli.festival.FestivalRecords.Ledger;
import cn.linli.festival.FestivalRecords.Progress;
import cn.linli.festival.FestivalRecords.VolunteerRole;
import cn.linli.festival.FestivalRecords.WallEntry;
import cn.linli.festival.ProgressMath.Totals;
import cn.linli.festival.ProgressMath.WallRow;
import cn.linli.festival.ProgressRepository.Sums;
import cn.linli.identity.Account;
import cn.linli.identity.IdentityService;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple4;

/**
 * Live progress and the public ledger. The database sums the counting pledges (per campaign and contributor kind)
 * and returns only the newest few for the supporters wall, so a change costs a fixed number of small statements per
 * subscriber, however many pledges the campaign has.
 */
@Service
class ProgressService {

    private final ProgressRepository progress;
    private final CampaignRepository campaigns;
    private final ExpenseRepository expenses;
    private final CampaignService campaignService;
    private final FestivalAccess access;
    private final IdentityService identity;
    private final CampaignEvents events;
    /** Per campaign with subscribers on this instance: its progress after each change, shared by them. */
    private final Map<Long, Flux<Progress>> live = new ConcurrentHashMap<>();

    ProgressService(ProgressRepository progress, CampaignRepository campaigns, ExpenseRepository expenses,
                    CampaignService campaignService, FestivalAccess access, IdentityService identity,
                    CampaignEvents events) {
        this.progress = progress;
        this.campaigns = campaigns;
        this.expenses = expenses;
        this.campaignService = campaignService;
        this.access = access;
        this.identity = identity;
        this.events = events;
    }

    /** Progress of campaigns the caller already holds, keyed by campaign id, in a fixed number of statements. */
    Mono<Map<Long, Progress>> progress(Collection<Campaign> held) {
        Set<Long> ids = held.stream().map(Campaign::id).collect(Collectors.toSet());
        return Mono.zip(progress.sums(ids).collectList(), campaigns.needsOf(ids).collectList(),
                        campaigns.rolesOf(ids).collectList(), wall(ids))
                .map(parts -> assemble(held, parts));
    }

    private static Map<Long, Progress> assemble(Collection<Campaign> held,
                                                Tuple4<List<Sums>, List<ItemNeed>, List<VolunteerRole>, List<WallOf>> parts) {
        Map<Long, Progress> result = new HashMap<>();
        for (Campaign campaign : held) {
            long id = campaign.id();
            List<Sums> sums = parts.getT1().stream().filter(s -> s.campaignId() == id).toList();
            Totals totals = sums.stream().filter(Sums::isTotal).findFirst().map(Sums::totals).orElse(Totals.NONE);
            result.put(id, ProgressMath.progress(campaign, totals,
                    parts.getT2().stream().filter(n -> n.campaignId() == id).toList(),
                    parts.getT3().stream().filter(r -> r.campaignId() == id).toList(),
                    sums.stream().filter(s -> !s.isTotal()).map(Sums::kindTotal).toList(),
                    parts.getT4().stream().filter(w -> w.campaignId() == id).map(WallOf::entry).toList()));
        }
        return result;
    }

    private record WallOf(long campaignId, WallEntry entry) {
    }

    /** The wall's newest pledges, with the nicknames of the (at most 30 per campaign) people behind them. */
    private Mono<List<WallOf>> wall(Set<Long> campaignIds) {
        return progress.wall(campaignIds).collectList().flatMap(rows -> {
            Set<Long> people = rows.stream().map(WallRow::accountId).filter(Objects::nonNull).collect(Collectors.toSet());
            return identity.accountsByIds(people).map(accounts -> {
                List<WallOf> wall = new ArrayList<>();
                for (WallRow row : rows) {
                    Account account = row.accountId() == null ? null : accounts.get(row.accountId());
                    wall.add(new WallOf(row.campaignId(),
                            ProgressMath.wallEntry(row, account == null ? null : account.nickname())));
                }
                return wall;
            });
        });
    }

    Mono<Progress> progress(Campaign campaign) {
        return progress(List.of(campaign)).map(all -> all.get(campaign.id()));
    }

    /** Raised plus matched, for the deadline's verdict. */
    Mono<Long> totalFen(Campaign campaign) {
        return totals(campaign.id()).map(totals -> totals.raisedFen()
                + ProgressMath.matchedFen(campaign.matchingCapFen(), totals.residentFen()));
    }

    private Mono<Totals> totals(long campaignId) {
        return progress.sums(List.of(campaignId)).filter(Sums::isTotal).next().map(Sums::totals)
                .defaultIfEmpty(Totals.NONE);
    }

    /** Income and expenses of a campaign, for residents and staff of its community. */
    Mono<Ledger> ledger(Viewer viewer, String campaignId) {
        long id = Ids.parse(campaignId, "campaignId");
        return campaignService.find(id)
                .flatMap(campaign -> access.requireLedgerReader(viewer, campaign)
                        .then(Mono.zip(progress.income(id).collectList(), totals(id), expenses.ofCampaign(id).collectList()))
                        .map(t -> ProgressMath.ledger(campaign, t.getT1(),
                                ProgressMath.matchedFen(campaign.matchingCapFen(), t.getT2().residentFen()), t.getT3(),
                                Instant.now())));
    }

    /**
     * Live progress of a campaign: now, then after every change (from any instance). Subscribers of one campaign on
     * this instance share one recomputation per change instead of each running the progress statements; only the
     * first value (the progress as it stands when this subscriber arrives) is computed for this subscriber alone.
     * <p>
     * The shared changes are heard from before the first value is read and queued behind it, so a change committed
     * meanwhile is not lost and never arrives before the older first value. A subscriber whose connection stops reading
     * keeps only the newest value and holds nobody back.
     */
    Flux<Progress> progressUpdates(Viewer viewer, String campaignId) {
        return campaignService.campaign(viewer, campaignId)
                .flatMapMany(campaign -> Flux.mergeSequential(progress(campaign),
                        changesOf(campaign.id()).onBackpressureLatest()));
    }

    /**
     * One flux per campaign with subscribers on this instance: each change recomputed once (changes arriving during a
     * recomputation make one more, not one each) and handed to those subscribed at that moment. Nothing is replayed:
     * a value computed for earlier subscribers may already be stale when a later one arrives, so each starts from its
     * own fresh read. The entry stays after its last subscriber leaves (it then holds no subscription; the next
     * subscriber reconnects it): removing it would race with a subscriber arriving at that moment.
     */
    private Flux<Progress> changesOf(long campaignId) {
        return live.computeIfAbsent(campaignId, id -> events.changes()
                .filter(change -> change.campaignId() == id)
                .onBackpressureLatest()
                // re-read the campaign: a change may have touched its goal or matching terms
                .concatMap(change -> campaignService.find(id).flatMap(this::progress), 0)
                .publish()
                .refCount());
    }
}
