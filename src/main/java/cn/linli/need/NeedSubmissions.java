package cn.linli.need;

import java.util.List;

import cn.linli.community.Household;
import cn.linli.need.NeedInputs.NeedInput;
import cn.linli.photo.PhotoService;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.idempotency.IdempotencyKeys;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Needs coming in: a verified member submits one for their household, staff record one collected door to door
 * (逐户问需), and neighbours support (+1) an open one, once per household. Each is one transaction; a submission's
 * idempotency key makes a replay return the first need (the unique key in the table decides concurrent replays).
 */
@Service
class NeedSubmissions {

    private final NeedRepository needs;
    private final NeedEventRepository events;
    private final NeedPolicy policy;
    private final NeedMoves moves;
    private final NeedNotices notices;
    private final PhotoService photos;
    private final PlaceCheck places;

    NeedSubmissions(NeedRepository needs, NeedEventRepository events, NeedPolicy policy, NeedMoves moves,
                    NeedNotices notices, PhotoService photos, PlaceCheck places) {
        this.needs = needs;
        this.events = events;
        this.policy = policy;
        this.moves = moves;
        this.notices = notices;
        this.photos = photos;
        this.places = places;
    }

    /** What a support (+1) did: the need's supporters now, and whether this household was new among them. */
    record Support(long needId, int supporterCount, boolean added) {
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Need> submit(Viewer viewer, NeedInput input) {
        return Mono.defer(() -> {
            long householdId = Ids.parse(input.householdId(), "input.householdId");
            return policy.load(viewer)
                    .map(scope -> scope.requireHousehold(householdId))
                    .flatMap(household -> create(household, viewer.accountId(), false, input));
        });
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Need> recordCollected(Viewer viewer, NeedInput input) {
        return Mono.defer(() -> places.household(Ids.parse(input.householdId(), "input.householdId")))
                .flatMap(household -> policy.asStaff(viewer, household.communityId())
                        .then(create(household, viewer.accountId(), true, input)));
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Support> support(Viewer viewer, String needId) {
        return Mono.defer(() -> find(Ids.parse(needId, "input.needId")))
                .zipWith(policy.load(viewer))
                .flatMap(found -> {
                    Need need = found.getT1();
                    Household household = found.getT2().households().stream()
                            .filter(h -> h.communityId() == need.communityId()).findFirst()
                            .orElseThrow(LinliException::forbidden);
                    NeedLifecycle.check(NeedAction.SUPPORT, need.status(), NeedActor.RESIDENT);
                    return events.addSupporter(need.id(), household.id(), viewer.accountId())
                            .flatMap(added -> supported(need, viewer, added));
                });
    }

    private Mono<Support> supported(Need need, Viewer viewer, boolean added) {
        Mono<Need> now = needs.find(need.id());
        if (added) {
            now = now.flatMap(after -> moves.recorded(need, after, NeedAction.SUPPORT,
                    new NeedMoves.By(NeedActor.RESIDENT, viewer.accountId()), null));
        }
        return now.map(after -> new Support(after.id(), after.supporterCount(), added));
    }

    private Mono<Need> create(Household household, long by, boolean collected, NeedInput input) {
        if (household.retired()) {
            return Mono.error(new LinliException(ErrorCode.PLACE_RETIRED, "该房屋已停用，不能提交需求"));
        }
        List<Long> photoIds = PhotoService.parse(input.photoIds(), "input.photoIds");
        String key = IdempotencyKeys.checked(input.idempotencyKey());
        @Nullable Long estate = Ids.parseOptional(input.estateId(), "input.estateId");
        @Nullable Long building = Ids.parseOptional(input.buildingId(), "input.buildingId");
        String hash = IdempotencyKeys.sha256(String.join("\u0000", String.valueOf(household.id()),
                input.description(), String.valueOf(photoIds), String.valueOf(estate), String.valueOf(building)));
        var row = new NeedRepository.NewNeed(household.communityId(), household.id(), estate, building, by, collected,
                input.description(), photoIds, key, hash);
        return places.check(household.communityId(), estate, building)
                .then(needs.insert(row))
                .flatMap(id -> created(id, household, by, collected, photoIds))
                .switchIfEmpty(Mono.defer(() -> replayed(by, key, hash)));
    }

    private Mono<Need> created(long id, Household household, long by, boolean collected, List<Long> photoIds) {
        NeedMoves.By actor = new NeedMoves.By(collected ? NeedActor.STAFF : NeedActor.RESIDENT, by);
        return photos.attach(by, photoIds, "input.photoIds")
                .then(events.addSupporter(id, household.id(), collected ? null : by))
                .then(needs.find(id))
                .flatMap(need -> moves.recorded(null, need, collected ? NeedAction.COLLECT : NeedAction.SUBMIT, actor,
                        null))
                .flatMap(need -> notices.submitted(need).thenReturn(need));
    }

    private Mono<Need> replayed(long by, String key, String hash) {
        return needs.findByKey(by, key)
                .flatMap(existing -> IdempotencyKeys.ifSameRequest(existing.requestHash(), hash, () -> Mono.just(existing)));
    }

    private Mono<Need> find(long id) {
        return needs.find(id).switchIfEmpty(Mono.error(() -> LinliException.notFound("需求")));
    }
}
