package cn.linli.festival;

import java.time.Instant;
import java.util.List;

import cn.linli.festival.CampaignLifecycle.Action;
import cn.linli.festival.CampaignRepository.NewCampaign;
import cn.linli.festival.FestivalInputs.CreateCampaignInput;
import cn.linli.photo.PhotoService;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewer;
import cn.linli.platform.timer.Timers;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Campaign administration by staff (create, publish, close) and campaigns as residents and staff see them. */
@Service
class CampaignService {

    private final CampaignRepository repository;
    private final FestivalAccess access;
    private final PhotoService photos;
    private final Timers timers;

    CampaignService(CampaignRepository repository, FestivalAccess access, PhotoService photos, Timers timers) {
        this.repository = repository;
        this.access = access;
        this.photos = photos;
        this.timers = timers;
    }

    /** A draft with its item needs and volunteer roles; the cover must be the staff member's own upload. */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Campaign> create(Viewer viewer, CreateCampaignInput input) {
        long community = Ids.parse(input.communityId(), "input.communityId");
        Long cover = Ids.parseOptional(input.coverPhotoId(), "input.coverPhotoId");
        CampaignRules.check(input, Instant.now());
        var row = new NewCampaign(community, input.theme(), input.festivalDate(), input.mainVenue(), input.branchVenues(),
                input.description(), cover, input.deadline(), input.moneyGoalFen(), input.fundingRule(),
                input.matchingSponsor(), input.matchingCapFen(), viewer.accountId());
        return access.requireStaff(viewer, community)
                .then(photos.attach(viewer.accountId(), cover, "input.coverPhotoId"))
                .then(repository.insert(row))
                .flatMap(id -> addNeedsAndRoles(id, input).thenReturn(id))
                .flatMap(this::find);
    }

    private Mono<Void> addNeedsAndRoles(long campaignId, CreateCampaignInput input) {
        return Flux.fromIterable(input.itemNeeds())
                .concatMap(need -> repository.insertNeed(campaignId, need.name(), need.unit(), need.quantity()))
                .thenMany(Flux.fromIterable(input.volunteerRoles()))
                .concatMap(role -> repository.insertRole(campaignId, role.name(), role.count(), role.pointsReward()))
                .then();
    }

    /** DRAFT → OPEN, and the deadline timer that will settle it. */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Campaign> publish(Viewer viewer, String campaignId) {
        long id = Ids.parse(campaignId, "input.campaignId");
        return repository.lock(id)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("众筹")))
                .flatMap(campaign -> access.requireStaff(viewer, campaign.communityId()).thenReturn(campaign))
                .flatMap(campaign -> {
                    CampaignLifecycle.check(campaign.status(), Action.PUBLISH, FestivalActor.STAFF);
                    return repository.publish(id)
                            .flatMap(done -> done ? timers.schedule(FestivalTimers.CAMPAIGN_DEADLINE, id, campaign.deadline())
                                    : Mono.error(CampaignLifecycle.refusal(Action.PUBLISH)));
                })
                .then(find(id));
    }

    /** FUNDED or FAILED → CLOSED. */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Campaign> close(Viewer viewer, String campaignId) {
        long id = Ids.parse(campaignId, "input.campaignId");
        return find(id)
                .flatMap(campaign -> access.requireStaff(viewer, campaign.communityId()).thenReturn(campaign))
                .flatMap(campaign -> {
                    CampaignLifecycle.check(campaign.status(), Action.CLOSE, FestivalActor.STAFF);
                    return repository.close(id);
                })
                .flatMap(done -> done ? find(id) : Mono.error(CampaignLifecycle.refusal(Action.CLOSE)));
    }

    Mono<Connection<Campaign>> campaigns(Viewer viewer, String communityId, @Nullable Integer first,
                                         @Nullable String after) {
        long community = Ids.parse(communityId, "communityId");
        PageRequest page = PageRequest.of(first, after);
        return access.seesDrafts(viewer, community)
                .flatMap(drafts -> repository.ofCommunity(community, drafts, page).collectList())
                .map(rows -> Connection.of(rows, page, Campaign::position));
    }

    /** A campaign the viewer may see (a draft only by its community's staff). */
    Mono<Campaign> campaign(Viewer viewer, String id) {
        return find(Ids.parse(id, "id")).flatMap(campaign -> access.requireVisible(viewer, campaign));
    }

    Mono<Campaign> find(long id) {
        return repository.byIds(List.of(id)).next().switchIfEmpty(Mono.error(() -> LinliException.notFound("众筹")));
    }
}
