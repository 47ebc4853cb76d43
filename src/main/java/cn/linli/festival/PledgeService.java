package cn.linli.festival;

import java.time.Instant;
import java.util.Objects;

import cn.linli.festival.FestivalInputs.PledgeItemsInput;
import cn.linli.festival.FestivalInputs.PledgeMoneyInput;
import cn.linli.festival.FestivalInputs.RecordAttendanceInput;
import cn.linli.festival.FestivalInputs.RecordOfflineContributionInput;
import cn.linli.festival.FestivalInputs.SignUpVolunteerInput;
import cn.linli.festival.FestivalRecords.Pledge;
import cn.linli.festival.PledgeLifecycle.Action;
import cn.linli.festival.PledgeRepository.NewPledge;
import cn.linli.photo.PhotoService;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.idempotency.IdempotencyKeys;
import cn.linli.platform.security.Viewer;
import cn.linli.platform.timer.Timers;
import cn.linli.timebank.TimeBankService;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Pledges of items, volunteer time and offline money, and recording a money pledge before it is paid. Each is one
 * transaction; counters that must not overflow (items pledged, volunteer places) are guarded in the database.
 */
@Service
@Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
class PledgeService {

    private static final String RECEIPT_FIELD = "input.receiptPhotoId";

    private final PledgeRepository pledges;
    private final CampaignRepository campaigns;
    private final PledgeGuards guards;
    private final FestivalAccess access;
    private final CampaignEvents events;
    private final PhotoService photos;
    private final TimeBankService timeBank;
    private final Timers timers;
    private final FestivalProperties properties;

    PledgeService(PledgeRepository pledges, CampaignRepository campaigns, PledgeGuards guards, FestivalAccess access,
                  CampaignEvents events, PhotoService photos, TimeBankService timeBank, Timers timers,
                  FestivalProperties properties) {
        this.pledges = pledges;
        this.campaigns = campaigns;
        this.guards = guards;
        this.access = access;
        this.events = events;
        this.photos = photos;
        this.timeBank = timeBank;
        this.timers = timers;
        this.properties = properties;
    }

    /** Items against what is still needed, never more, also when pledges race for the last units. */
    @Transactional
    public Mono<Pledge> pledgeItems(Viewer viewer, PledgeItemsInput input) {
        long campaignId = Ids.parse(input.campaignId(), "input.campaignId");
        long needId = Ids.parse(input.needId(), "input.needId");
        String key = IdempotencyKeys.scoped(viewer, input.idempotencyKey());
        String hash = PledgeGuards.fingerprint(PledgeKind.ITEM, campaignId, needId, input.quantity(), input.contributorKind());
        var row = new NewPledge(campaignId, PledgeKind.ITEM, viewer.accountId(), input.contributorKind(), null,
                input.anonymous(), input.message(), null, needId, input.quantity(), null, null, null, key, hash);
        return guards.requireContributorKind(viewer, input.contributorKind())
                .then(guards.requireOpen(campaignId))
                .then(pledges.insert(row))
                .flatMap(pledge -> campaigns.reserveItems(needId, campaignId, input.quantity())
                        .flatMap(reserved -> reserved ? events.changed(campaignId).thenReturn(pledge)
                                : Mono.error(new LinliException(ErrorCode.PLEDGE_EXCEEDS_NEED))))
                .switchIfEmpty(Mono.defer(() -> guards.replay(key, hash)));
    }

    /** A PENDING money pledge with its merchant order number and the check should WeChat Pay's notification be lost. */
    @Transactional
    public Mono<Pledge> recordMoneyPledge(Viewer viewer, PledgeMoneyInput input) {
        long campaignId = Ids.parse(input.campaignId(), "input.campaignId");
        String key = IdempotencyKeys.scoped(viewer, input.idempotencyKey());
        String hash = PledgeGuards.fingerprint(PledgeKind.MONEY, campaignId, input.amountFen(), input.contributorKind());
        var row = new NewPledge(campaignId, PledgeKind.MONEY, viewer.accountId(), input.contributorKind(), null,
                input.anonymous(), input.message(), input.amountFen(), null, null, null, null, null, key, hash);
        return guards.requireContributorKind(viewer, input.contributorKind())
                .then(guards.requireOpen(campaignId))
                .then(pledges.insert(row))
                .flatMap(pledge -> pledges.assignOutTradeNo(pledge.id())
                        .then(timers.schedule(FestivalTimers.PLEDGE_PAYMENT_CHECK, pledge.id(),
                                Instant.now().plus(properties.paymentCheckAfter())))
                        .thenReturn(pledge))
                .switchIfEmpty(Mono.defer(() -> guards.replay(key, hash)));
    }

    /** One sign-up per person and role, capped by the role's count. */
    @Transactional
    public Mono<Pledge> signUpVolunteer(Viewer viewer, SignUpVolunteerInput input) {
        long campaignId = Ids.parse(input.campaignId(), "input.campaignId");
        long roleId = Ids.parse(input.roleId(), "input.roleId");
        var row = new NewPledge(campaignId, PledgeKind.TIME, viewer.accountId(), ContributorKind.RESIDENT, null, false,
                null, null, null, null, roleId, null, null, null, null);
        return guards.requireOpen(campaignId)
                .then(pledges.insert(row))
                .switchIfEmpty(Mono.error(() -> new LinliException(ErrorCode.ALREADY_SIGNED_UP)))
                .flatMap(pledge -> campaigns.takeVolunteerPlace(roleId, campaignId)
                        .flatMap(taken -> taken ? events.changed(campaignId).thenReturn(pledge)
                                : Mono.error(new LinliException(ErrorCode.ACTIVITY_FULL, "该志愿岗位已满员"))));
    }

    /** Staff: the pledged items arrived. */
    @Transactional
    public Mono<Pledge> markItemsReceived(Viewer viewer, String pledgeId) {
        long id = Ids.parse(pledgeId, "input.pledgeId");
        return staffOnPledge(viewer, id, "认捐", Action.RECEIVE)
                .flatMap(pledge -> pledges.markReceived(id)
                        .flatMap(done -> guarded(done, Action.RECEIVE))
                        .then(campaigns.receiveItems(Objects.requireNonNull(pledge.needId()),
                                Objects.requireNonNull(pledge.quantity()))))
                .then(pledges.find(id));
    }

    /** Staff record a festival volunteer's attendance: the role's points, through the time bank, once. */
    @Transactional
    public Mono<Pledge> recordAttendance(Viewer viewer, RecordAttendanceInput input) {
        long id = Ids.parse(input.pledgeId(), "input.pledgeId");
        return staffOnPledge(viewer, id, "报名", Action.ATTEND)
                .flatMap(pledge -> pledges.markAttended(id, input.minutes())
                        .flatMap(done -> guarded(done, Action.ATTEND))
                        .then(award(pledge, input.minutes())))
                .then(pledges.find(id));
    }

    /** The database's guard is the second line: it refuses what the lifecycle would have refused. */
    private static Mono<Void> guarded(boolean moved, Action action) {
        return moved ? Mono.empty() : Mono.error(PledgeLifecycle.refusal(action));
    }

    private Mono<Void> award(Pledge pledge, int minutes) {
        return Mono.zip(campaigns.byId(pledge.campaignId()),
                        campaigns.role(Objects.requireNonNull(pledge.roleId())))
                .flatMap(t -> timeBank.awardVolunteerPoints("festival-volunteer:" + pledge.id(), t.getT1().communityId(),
                        Objects.requireNonNull(pledge.accountId()), t.getT2().pointsReward(), minutes,
                        "邻里节「" + t.getT1().theme() + "」志愿服务：" + t.getT2().name()));
    }

    /** Locks the pledge, requires staff of its campaign's community, and asks the lifecycle whether it may move. */
    private Mono<Pledge> staffOnPledge(Viewer viewer, long pledgeId, String what, Action action) {
        return pledges.lock(pledgeId)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound(what)))
                .flatMap(pledge -> campaigns.byId(pledge.campaignId())
                        .flatMap(campaign -> access.requireStaff(viewer, campaign.communityId()))
                        .then(Mono.fromCallable(() -> {
                            PledgeLifecycle.check(pledge.kind(), pledge.status(), action, FestivalActor.STAFF);
                            return pledge;
                        })));
    }

    /**
     * Staff record money that came in outside WeChat Pay, with a photo of its receipt: the photo is attached in the
     * same transaction as the pledge, so a refused contribution leaves it unattached.
     */
    @Transactional
    public Mono<Pledge> recordOfflineContribution(Viewer viewer, RecordOfflineContributionInput input) {
        long campaignId = Ids.parse(input.campaignId(), "input.campaignId");
        long receipt = Ids.parse(input.receiptPhotoId(), RECEIPT_FIELD);
        var row = new NewPledge(campaignId, PledgeKind.OFFLINE, null, input.contributorKind(), input.contributorName(),
                false, input.note(), input.amountFen(), null, null, null, receipt, viewer.accountId(), null, null);
        return campaigns.byId(campaignId)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("众筹")))
                .flatMap(campaign -> access.requireStaff(viewer, campaign.communityId()))
                .then(photos.attach(viewer.accountId(), receipt, RECEIPT_FIELD))
                .then(pledges.insert(row))
                .flatMap(pledge -> events.changed(campaignId).thenReturn(pledge));
    }
}
