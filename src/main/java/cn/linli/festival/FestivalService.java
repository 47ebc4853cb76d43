package cn.linli.festival;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import cn.linli.community.CommunityService;
import cn.linli.festival.FestivalRecords.Expense;
import cn.linli.festival.FestivalRecords.ItemNeed;
import cn.linli.festival.FestivalRecords.Pledge;
import cn.linli.festival.FestivalRecords.Progress;
import cn.linli.festival.FestivalRecords.VolunteerRole;
import cn.linli.identity.Account;
import cn.linli.identity.IdentityService;
import cn.linli.photo.PhotoService;
import cn.linli.platform.db.TransactionRetry;
import cn.linli.platform.error.Check;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.idempotency.IdempotencyKeys;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Role;
import cn.linli.platform.security.Viewer;
import cn.linli.platform.security.Viewers;
import cn.linli.platform.timer.Timers;
import cn.linli.timebank.TimeBankService;
import cn.linli.wechat.WeChatPay;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 邻里节众筹: campaigns, item and volunteer pledges, offline contributions, expenses with four-eyes approval, progress
 * and the public ledger. Counters that must not overflow (items pledged, volunteer places) are guarded in the database.
 */
@Service
public class FestivalService {

    static final String CAMPAIGN_DEADLINE = "CAMPAIGN_DEADLINE";
    static final String PLEDGE_REFUND = "PLEDGE_REFUND";
    static final String PLEDGE_REFUND_CHECK = "PLEDGE_REFUND_CHECK";
    static final String PLEDGE_PAYMENT_CHECK = "PLEDGE_PAYMENT_CHECK";
    private static final String RECEIPT_FIELD = "input.receiptPhotoId";
    private static final Set<String> ACTIVE = Set.of("PAID", "RECORDED", "PLEDGED", "RECEIVED", "SIGNED_UP", "ATTENDED");

    private final FestivalRepository repository;
    private final CommunityService communities;
    private final IdentityService identity;
    private final TimeBankService timeBank;
    private final Timers timers;
    private final TransactionalOperator transaction;
    private final FestivalProperties properties;
    private final WeChatPay weChatPay;
    private final CampaignEvents events;
    private final cn.linli.notification.NotificationService notifications;
    private final PhotoService photos;

    FestivalService(FestivalRepository repository, CommunityService communities, IdentityService identity,
                    TimeBankService timeBank, Timers timers, TransactionalOperator transaction,
                    FestivalProperties properties, WeChatPay weChatPay, CampaignEvents events,
                    cn.linli.notification.NotificationService notifications, PhotoService photos) {
        this.notifications = notifications;
        this.photos = photos;
        this.weChatPay = weChatPay;
        this.events = events;
        this.repository = repository;
        this.communities = communities;
        this.identity = identity;
        this.timeBank = timeBank;
        this.timers = timers;
        this.transaction = transaction;
        this.properties = properties;
    }

    // ---- campaigns ----

    Mono<Campaign> create(FestivalInputs.CreateCampaignInput input) {
        return Viewers.current().flatMap(viewer -> {
            long community = Ids.parse(input.communityId(), "input.communityId");
            String theme = Check.text(input.theme(), "input.theme", "主题", 60);
            String venue = Check.text(input.mainVenue(), "input.mainVenue", "主会场", 100);
            List<String> branches = new ArrayList<>();
            for (String branch : input.branchVenues() == null ? List.<String>of() : input.branchVenues()) {
                branches.add(Check.text(branch, "input.branchVenues", "分会场", 100));
            }
            if (branches.size() > 10) {
                throw LinliException.invalid("input.branchVenues", "分会场最多 10 个");
            }
            String description = Check.optionalText(input.description(), "input.description", "活动介绍", 2000);
            Long cover = Ids.parseOptional(input.coverPhotoId(), "input.coverPhotoId");
            if (input.moneyGoalFen() < 0 || input.moneyGoalFen() > 100_000_000L) {
                throw LinliException.invalid("input.moneyGoalFen", "筹款目标金额无效");
            }
            if (!input.deadline().isAfter(Instant.now())) {
                throw LinliException.invalid("input.deadline", "截止时间须在未来");
            }
            if ((input.matchingSponsor() == null) != (input.matchingCapFen() == null)
                    || (input.matchingCapFen() != null && input.matchingCapFen() <= 0)) {
                throw LinliException.invalid("input.matchingCapFen", "配捐须同时填写配捐方和上限");
            }
            String sponsor = Check.optionalText(input.matchingSponsor(), "input.matchingSponsor", "配捐方", 60);
            List<FestivalInputs.ItemNeedInput> needs = input.itemNeeds() == null ? List.of() : input.itemNeeds();
            List<FestivalInputs.VolunteerRoleInput> roles = input.volunteerRoles() == null ? List.of() : input.volunteerRoles();
            for (var need : needs) {
                Check.text(need.name(), "input.itemNeeds.name", "物资名称", 40);
                Check.text(need.unit(), "input.itemNeeds.unit", "单位", 10);
                Check.range(need.quantity(), "input.itemNeeds.quantity", "所需数量", 1, 100_000);
            }
            for (var role : roles) {
                Check.text(role.name(), "input.volunteerRoles.name", "志愿岗位", 40);
                Check.range(role.count(), "input.volunteerRoles.count", "岗位人数", 1, 10_000);
                Check.range(role.pointsReward(), "input.volunteerRoles.pointsReward", "积分奖励", 0, 10_000);
            }
            var row = new FestivalRepository.NewCampaign(community, theme, input.festivalDate(), venue, branches, description,
                    cover, input.deadline(), input.moneyGoalFen(), input.fundingRule(), sponsor, input.matchingCapFen(),
                    viewer.accountId());
            // the cover must be the staff member's own upload, attached with the campaign or not at all
            Mono<Void> attachCover = photos.attach(viewer.accountId(), cover, "input.coverPhotoId");
            return communities.requireStaffOf(viewer, community)
                    .then(transaction.transactional(attachCover.then(repository.insertCampaign(row)).flatMap(id -> Flux.fromIterable(needs)
                            .concatMap(need -> repository.insertNeed(id, need.name().strip(), need.unit().strip(), need.quantity()))
                            .thenMany(Flux.fromIterable(roles))
                            .concatMap(role -> repository.insertRole(id, role.name().strip(), role.count(), role.pointsReward()))
                            .then(Mono.just(id)))))
                    .flatMap(this::find);
        });
    }

    Mono<Campaign> publish(String campaignId) {
        return Viewers.current().flatMap(viewer -> {
            long id = Ids.parse(campaignId, "input.campaignId");
            return transaction.transactional(repository.lockCampaign(id)
                    .switchIfEmpty(Mono.error(() -> LinliException.notFound("众筹")))
                    .flatMap(campaign -> communities.requireStaffOf(viewer, campaign.communityId())
                            .then(repository.setStatus(id, "DRAFT", "OPEN"))
                            .flatMap(done -> done ? timers.schedule(CAMPAIGN_DEADLINE, id, campaign.deadline())
                                    : Mono.error(new LinliException(ErrorCode.CAMPAIGN_NOT_OPEN, "只有草稿状态的众筹可以发布")))))
                    .then(find(id));
        });
    }

    Mono<Campaign> close(String campaignId) {
        return Viewers.current().flatMap(viewer -> {
            long id = Ids.parse(campaignId, "input.campaignId");
            return find(id).flatMap(campaign -> communities.requireStaffOf(viewer, campaign.communityId())
                    .then(repository.setStatus(id, "FUNDED", "CLOSED"))
                    .flatMap(done -> done ? Mono.just(true) : repository.setStatus(id, "FAILED", "CLOSED"))
                    .flatMap(done -> done ? find(id)
                            : Mono.error(new LinliException(ErrorCode.CAMPAIGN_NOT_OPEN, "众筹尚未结算，不能关闭"))));
        });
    }

    Mono<Connection<Campaign>> campaigns(String communityId, @Nullable Integer first, @Nullable String after) {
        return Viewers.current().flatMap(viewer -> {
            long community = Ids.parse(communityId, "communityId");
            PageRequest page = PageRequest.of(first, after);
            return isStaffOf(viewer, community).flatMap(staff -> repository.campaignsOf(community, staff, page).collectList())
                    .map(rows -> Connection.of(rows, page, Campaign::position));
        });
    }

    Mono<Campaign> campaign(String id) {
        return Viewers.current().flatMap(viewer -> find(Ids.parse(id, "id"))
                .flatMap(campaign -> !"DRAFT".equals(campaign.status()) ? Mono.just(campaign)
                        : isStaffOf(viewer, campaign.communityId()).flatMap(staff -> staff ? Mono.just(campaign)
                        : Mono.error(LinliException.notFound("众筹")))));
    }

    // ---- pledges ----

    Mono<Pledge> pledgeItems(FestivalInputs.PledgeItemsInput input) {
        return Viewers.current().flatMap(viewer -> {
            long campaignId = Ids.parse(input.campaignId(), "input.campaignId");
            long needId = Ids.parse(input.needId(), "input.needId");
            int quantity = Check.range(input.quantity(), "input.quantity", "认捐数量", 1, 100_000);
            String message = Check.optionalText(input.message(), "input.message", "留言", 200);
            String key = IdempotencyKeys.scoped(viewer, input.idempotencyKey());
            String hash = "ITEM|" + campaignId + "|" + needId + "|" + quantity + "|" + input.contributorKind();
            var row = new FestivalRepository.NewPledge(campaignId, "ITEM", viewer.accountId(), input.contributorKind(), null,
                    input.anonymous(), message, null, needId, quantity, null, "PLEDGED", null, null, key, hash);
            Mono<Pledge> work = requireOpen(campaignId)
                    .then(repository.insertPledge(row))
                    .flatMap(pledge -> repository.reserveItems(needId, campaignId, quantity).flatMap(reserved -> reserved
                            ? events.publishAfterCommit(campaignId).thenReturn(pledge)
                            : Mono.error(new LinliException(ErrorCode.PLEDGE_EXCEEDS_NEED))))
                    .switchIfEmpty(Mono.defer(() -> replay(key, hash)));
            return transaction.transactional(work).retryWhen(TransactionRetry.onConflict());
        });
    }

    /** A money pledge and the parameters for {@code wx.requestPayment}. */
    record MoneyPledge(Pledge pledge, WeChatPay.PaymentParams payment) {
    }

    /**
     * Records a PENDING money pledge, then asks WeChat Pay for a JSAPI payment. The pledge is paid only when WeChat
     * Pay's signed notification says so. A retried request returns the same pledge and the same payment.
     */
    Mono<MoneyPledge> pledgeMoney(FestivalInputs.PledgeMoneyInput input) {
        return Viewers.current().flatMap(viewer -> {
            long campaignId = Ids.parse(input.campaignId(), "input.campaignId");
            if (input.amountFen() < 1 || input.amountFen() > 5_000_000) {
                throw LinliException.invalid("input.amountFen", "单笔捐款须在 0.01 元到 5 万元之间");
            }
            String message = Check.optionalText(input.message(), "input.message", "留言", 200);
            String key = IdempotencyKeys.scoped(viewer, input.idempotencyKey());
            String hash = "MONEY|" + campaignId + "|" + input.amountFen() + "|" + input.contributorKind();
            var row = new FestivalRepository.NewPledge(campaignId, "MONEY", viewer.accountId(), input.contributorKind(), null,
                    input.anonymous(), message, input.amountFen(), null, null, null, "PENDING", null, null, key, hash);
            Mono<Pledge> record = requireOpen(campaignId)
                    .then(repository.insertPledge(row))
                    .flatMap(pledge -> repository.assignOutTradeNo(pledge.id())
                            .then(timers.schedule(PLEDGE_PAYMENT_CHECK, pledge.id(),
                                    Instant.now().plus(properties.paymentCheckAfter())))
                            .thenReturn(pledge))
                    .switchIfEmpty(Mono.defer(() -> replay(key, hash)));
            return transaction.transactional(record).retryWhen(TransactionRetry.onConflict())
                    .flatMap(pledge -> !"PENDING".equals(pledge.status()) ? Mono.error(new LinliException(
                            ErrorCode.VALIDATION_FAILED, "这笔捐款已处理", Map.of("field", "input.idempotencyKey"), null))
                            : Mono.zip(find(campaignId), identity.openidOf(viewer.accountId()))
                            .flatMap(t -> weChatPay.createJsapiPayment(PaymentNumbers.outTradeNo(pledge.id()),
                                    input.amountFen(), "邻里节众筹：" + t.getT1().theme(), t.getT2()))
                            .map(payment -> new MoneyPledge(pledge, payment)));
        });
    }

    /**
     * A verified WeChat Pay notification: the pledge becomes PAID once, however many times (and however
     * concurrently) WeChat Pay repeats it. An unknown order or a different amount is refused and changes nothing.
     */
    public Mono<Void> confirmPayment(WeChatPay.PaymentNotification notification) {
        if (!"SUCCESS".equals(notification.tradeState())) {
            return Mono.empty();
        }
        Mono<Void> work = repository.lockPledgeByOutTradeNo(notification.outTradeNo())
                .switchIfEmpty(Mono.error(() -> new PaymentMismatch("unknown out_trade_no " + notification.outTradeNo())))
                .flatMap(pledge -> {
                    if (!"MONEY".equals(pledge.kind()) || pledge.amountFen() == null
                            || pledge.amountFen() != notification.amountFen()) {
                        return Mono.error(new PaymentMismatch("amount " + notification.amountFen() + " does not match pledge "
                                + pledge.id()));
                    }
                    return repository.markPaid(pledge.id(), notification.transactionId())
                            .flatMap(paid -> paid ? events.publishAfterCommit(pledge.campaignId())
                                    .then(tellPledger(pledge, "PLEDGE_PAID", "捐款成功，感谢支持邻里节"))
                                    : Mono.<Void>empty());
                });
        return transaction.transactional(work).retryWhen(TransactionRetry.onConflict());
    }

    /** A notification that does not match what we asked WeChat Pay for. */
    public static final class PaymentMismatch extends RuntimeException {
        PaymentMismatch(String message) {
            super(message, null, false, false);
        }
    }

    Mono<Pledge> markItemsReceived(String pledgeId) {
        return Viewers.current().flatMap(viewer -> {
            long id = Ids.parse(pledgeId, "input.pledgeId");
            return transaction.transactional(repository.lockPledge(id)
                    .switchIfEmpty(Mono.error(() -> LinliException.notFound("认捐")))
                    .flatMap(pledge -> find(pledge.campaignId())
                            .flatMap(campaign -> communities.requireStaffOf(viewer, campaign.communityId()))
                            .then(repository.setPledgeStatus(id, "PLEDGED", "RECEIVED", null))
                            .flatMap(done -> done && pledge.needId() != null && pledge.quantity() != null
                                    ? repository.markReceived(pledge.needId(), pledge.quantity())
                                    : Mono.error(new LinliException(ErrorCode.VALIDATION_FAILED, "该认捐不是待收物资",
                                    Map.of("field", "input.pledgeId"), null))))
                    .then(repository.lockPledge(id)));
        });
    }

    Mono<Pledge> signUpVolunteer(FestivalInputs.SignUpVolunteerInput input) {
        return Viewers.current().flatMap(viewer -> {
            long campaignId = Ids.parse(input.campaignId(), "input.campaignId");
            long roleId = Ids.parse(input.roleId(), "input.roleId");
            var row = new FestivalRepository.NewPledge(campaignId, "TIME", viewer.accountId(), "RESIDENT", null, false, null,
                    null, null, null, roleId, "SIGNED_UP", null, null, null, null);
            Mono<Pledge> work = requireOpen(campaignId)
                    .then(repository.insertPledge(row))
                    .switchIfEmpty(Mono.error(new LinliException(ErrorCode.ALREADY_SIGNED_UP)))
                    .flatMap(pledge -> repository.takeVolunteerPlace(roleId, campaignId).flatMap(taken -> taken
                            ? events.publishAfterCommit(campaignId).thenReturn(pledge)
                            : Mono.error(new LinliException(ErrorCode.ACTIVITY_FULL, "该志愿岗位已满员"))));
            return transaction.transactional(work).retryWhen(TransactionRetry.onConflict());
        });
    }

    /** Staff record a festival volunteer's attendance: the role's points, through the time bank, once. */
    Mono<Pledge> recordAttendance(FestivalInputs.RecordAttendanceInput input) {
        return Viewers.current().flatMap(viewer -> {
            long id = Ids.parse(input.pledgeId(), "input.pledgeId");
            int minutes = Check.range(input.minutes(), "input.minutes", "服务时长（分钟）", 1, 1440);
            return transaction.transactional(repository.lockPledge(id)
                    .switchIfEmpty(Mono.error(() -> LinliException.notFound("报名")))
                    .flatMap(pledge -> find(pledge.campaignId()).flatMap(campaign ->
                            communities.requireStaffOf(viewer, campaign.communityId())
                                    .then(repository.setPledgeStatus(id, "SIGNED_UP", "ATTENDED", minutes))
                                    .flatMap(done -> !done ? Mono.error(new LinliException(ErrorCode.ATTENDANCE_ALREADY_RECORDED))
                                            : repository.rolesOf(List.of(campaign.id()))
                                            .filter(role -> Objects.equals(role.id(), pledge.roleId())).next()
                                            .flatMap(role -> timeBank.awardVolunteerPoints("festival-volunteer:" + id,
                                                    campaign.communityId(), Objects.requireNonNull(pledge.accountId()),
                                                    role.pointsReward(), minutes,
                                                    "邻里节「" + campaign.theme() + "」志愿服务：" + role.name())))))
                    .then(repository.lockPledge(id)));
        });
    }

    /**
     * Staff record money that came in outside WeChat Pay, with a photo of its receipt: the photo is attached in the
     * same transaction as the pledge, so a refused contribution leaves it unattached.
     */
    Mono<Pledge> recordOfflineContribution(FestivalInputs.RecordOfflineContributionInput input) {
        return Viewers.current().flatMap(viewer -> {
            long campaignId = Ids.parse(input.campaignId(), "input.campaignId");
            String name = Check.text(input.contributorName(), "input.contributorName", "出资方", 60);
            long receipt = Ids.parse(input.receiptPhotoId(), RECEIPT_FIELD);
            String note = Check.optionalText(input.note(), "input.note", "备注", 200);
            if (input.amountFen() <= 0 || input.amountFen() > 100_000_000L) {
                throw LinliException.invalid("input.amountFen", "金额无效");
            }
            var row = new FestivalRepository.NewPledge(campaignId, "OFFLINE", null, input.contributorKind(), name, false, note,
                    input.amountFen(), null, null, null, "RECORDED", receipt, viewer.accountId(), null, null);
            Mono<Pledge> work = find(campaignId).flatMap(campaign -> communities.requireStaffOf(viewer, campaign.communityId()))
                    .then(photos.attach(viewer.accountId(), receipt, RECEIPT_FIELD))
                    .then(repository.insertPledge(row))
                    .flatMap(pledge -> events.publishAfterCommit(campaignId).thenReturn(pledge));
            return transaction.transactional(work);
        });
    }

    // ---- expenses (four eyes) ----

    Mono<Expense> recordExpense(FestivalInputs.RecordExpenseInput input) {
        return Viewers.current().flatMap(viewer -> {
            long campaignId = Ids.parse(input.campaignId(), "input.campaignId");
            String category = Check.text(input.category(), "input.category", "支出类别", 30);
            long receipt = Ids.parse(input.receiptPhotoId(), RECEIPT_FIELD);
            String note = Check.optionalText(input.note(), "input.note", "备注", 200);
            if (input.amountFen() <= 0 || input.amountFen() > 100_000_000L) {
                throw LinliException.invalid("input.amountFen", "金额无效");
            }
            boolean needsApproval = input.amountFen() > properties.expenseApprovalThresholdFen();
            // the receipt photo is attached in the expense's transaction: a refused expense attaches nothing
            return transaction.transactional(
                    find(campaignId).flatMap(campaign -> communities.requireStaffOf(viewer, campaign.communityId()))
                            .then(photos.attach(viewer.accountId(), receipt, RECEIPT_FIELD))
                            .then(repository.insertExpense(campaignId, category, input.amountFen(), receipt, note,
                                    viewer.accountId(), needsApproval)));
        });
    }

    Mono<Expense> approveExpense(String expenseId) {
        return Viewers.current().flatMap(viewer -> {
            long id = Ids.parse(expenseId, "input.expenseId");
            return transaction.transactional(repository.lockExpense(id)
                    .switchIfEmpty(Mono.error(() -> LinliException.notFound("支出")))
                    .flatMap(expense -> find(expense.campaignId())
                            .flatMap(campaign -> communities.requireStaffOf(viewer, campaign.communityId()))
                            .then(Mono.defer(() -> {
                                if (!"PENDING".equals(expense.status())) {
                                    return Mono.error(new LinliException(ErrorCode.EXPENSE_ALREADY_APPROVED));
                                }
                                if (expense.recordedBy() == viewer.accountId()) {
                                    return Mono.error(new LinliException(ErrorCode.FOUR_EYES_REQUIRED));
                                }
                                return repository.approveExpense(id, viewer.accountId());
                            }))
                            .then(repository.lockExpense(id))));
        });
    }

    // ---- progress and the public ledger ----

    /**
     * Progress of campaigns the caller already holds, keyed by campaign id, in a fixed number of statements
     * (pledges, needs, roles, supporters' names); the campaigns themselves are not fetched again.
     */
    Mono<Map<Long, Progress>> progress(Collection<Campaign> campaigns) {
        Set<Long> campaignIds = campaigns.stream().map(Campaign::id).collect(Collectors.toSet());
        return Mono.zip(repository.pledgesOf(campaignIds).collectList(),
                        repository.needsOf(campaignIds).collectList(),
                        repository.rolesOf(campaignIds).collectList())
                .flatMap(t -> {
                    Set<Long> people = t.getT1().stream().map(Pledge::accountId).filter(Objects::nonNull).collect(Collectors.toSet());
                    return identity.accountsByIds(people).map(accounts -> {
                        Map<Long, Progress> result = new HashMap<>();
                        for (Campaign campaign : campaigns) {
                            result.put(campaign.id(), progressOf(campaign,
                                    t.getT1().stream().filter(p -> p.campaignId() == campaign.id()).toList(),
                                    t.getT2().stream().filter(n -> n.campaignId() == campaign.id()).toList(),
                                    t.getT3().stream().filter(r -> r.campaignId() == campaign.id()).toList(), accounts));
                        }
                        return result;
                    });
                });
    }

    /** Progress of one campaign the caller holds. */
    private Mono<Progress> progress(Campaign campaign) {
        return progress(List.of(campaign)).map(all -> all.get(campaign.id()));
    }

    private static Progress progressOf(Campaign campaign, List<Pledge> pledges, List<ItemNeed> needs,
                                       List<VolunteerRole> roles, Map<Long, Account> accounts) {
        List<Pledge> active = pledges.stream().filter(p -> ACTIVE.contains(p.status())).toList();
        long raised = active.stream().filter(p -> p.amountFen() != null).mapToLong(Pledge::amountFen).sum();
        long matched = matchedFen(campaign, active);
        Set<String> supporters = new HashSet<>();
        Map<String, long[]> byKind = new LinkedHashMap<>();
        List<FestivalRecords.WallEntry> wall = new ArrayList<>();
        for (Pledge pledge : active) {
            supporters.add(pledge.accountId() != null ? "a" + pledge.accountId() : "o" + pledge.id());
            long[] total = byKind.computeIfAbsent(pledge.contributorKind(), k -> new long[2]);
            total[0] += pledge.amountFen() == null ? 0 : pledge.amountFen();
            total[1]++;
            if (wall.size() < 30) {
                Account account = pledge.accountId() == null ? null : accounts.get(pledge.accountId());
                String name = pledge.anonymous() ? null
                        : pledge.contributorName() != null ? pledge.contributorName()
                        : account == null ? null : account.nickname();
                wall.add(new FestivalRecords.WallEntry(name, pledge.kind(), pledge.contributorKind(), pledge.amountFen(),
                        describe(pledge, needs, roles), pledge.message(), pledge.createdAt()));
            }
        }
        List<FestivalRecords.KindTotal> kinds = byKind.entrySet().stream()
                .map(e -> new FestivalRecords.KindTotal(e.getKey(), e.getValue()[0], (int) e.getValue()[1])).toList();
        return new Progress(raised, matched, raised + matched, campaign.moneyGoalFen(), supporters.size(), needs, roles,
                kinds, wall);
    }

    /** The sponsor matches residents' money 1:1, up to its cap. */
    private static long matchedFen(Campaign campaign, List<Pledge> active) {
        if (campaign.matchingCapFen() == null) {
            return 0;
        }
        long residents = active.stream().filter(p -> "RESIDENT".equals(p.contributorKind()) && p.amountFen() != null)
                .mapToLong(Pledge::amountFen).sum();
        return Math.min(residents, campaign.matchingCapFen());
    }

    private static @Nullable String describe(Pledge pledge, List<ItemNeed> needs, List<VolunteerRole> roles) {
        if ("ITEM".equals(pledge.kind())) {
            return needs.stream().filter(n -> Objects.equals(n.id(), pledge.needId())).findFirst()
                    .map(n -> n.name() + " " + pledge.quantity() + " " + n.unit()).orElse(null);
        }
        if ("TIME".equals(pledge.kind())) {
            return roles.stream().filter(r -> Objects.equals(r.id(), pledge.roleId())).findFirst()
                    .map(r -> "志愿者：" + r.name()).orElse(null);
        }
        return null;
    }

    /** Income and expenses of a campaign, for residents and staff of its community. */
    Mono<FestivalRecords.Ledger> ledger(String campaignId) {
        return Viewers.current().flatMap(viewer -> {
            long id = Ids.parse(campaignId, "campaignId");
            return find(id).flatMap(campaign -> requireResidentOrStaff(viewer, campaign.communityId())
                    .then(Mono.zip(repository.pledgesOf(List.of(id)).collectList(), repository.expensesOf(id).collectList()))
                    .map(t -> {
                        List<FestivalRecords.LedgerIncome> income = new ArrayList<>();
                        List<Pledge> active = t.getT1().stream().filter(p -> ACTIVE.contains(p.status())).toList();
                        for (Pledge pledge : active) {
                            if (pledge.amountFen() != null) {
                                String source = "OFFLINE".equals(pledge.kind())
                                        ? "线下：" + pledge.contributorName() : pledge.anonymous() ? "匿名捐款" : "微信支付捐款";
                                income.add(new FestivalRecords.LedgerIncome(source, pledge.contributorKind(),
                                        pledge.amountFen(), pledge.createdAt()));
                            }
                        }
                        long matched = matchedFen(campaign, active);
                        if (matched > 0) {
                            income.add(new FestivalRecords.LedgerIncome("配捐：" + campaign.matchingSponsor(), "MERCHANT",
                                    matched, Instant.now()));
                        }
                        long incomeFen = income.stream().mapToLong(FestivalRecords.LedgerIncome::amountFen).sum();
                        long spent = t.getT2().stream().filter(e -> "APPROVED".equals(e.status())).mapToLong(Expense::amountFen).sum();
                        long pending = t.getT2().stream().filter(e -> "PENDING".equals(e.status())).mapToLong(Expense::amountFen).sum();
                        return new FestivalRecords.Ledger(incomeFen, spent, pending, incomeFen - spent, income, t.getT2());
                    }));
        });
    }

    /** Live progress of a campaign: now, then after every change (from any instance). */
    reactor.core.publisher.Flux<Progress> progressUpdates(String campaignId) {
        return campaign(campaignId).flatMapMany(campaign -> Flux.concat(
                progress(campaign),
                events.changes()
                        .filter(change -> change.campaignId() == campaign.id())
                        // re-read the campaign: a change may have touched its goal or matching terms
                        .concatMap(change -> find(campaign.id()).flatMap(this::progress))));
    }

    // ---- the deadline ----

    /** Timer: at the deadline the campaign is FUNDED or FAILED; a failed all-or-nothing campaign releases item pledges. */
    Mono<Void> settle(long campaignId) {
        return repository.lockCampaign(campaignId)
                .filter(campaign -> "OPEN".equals(campaign.status()) && !campaign.deadline().isAfter(Instant.now()))
                .flatMap(campaign -> progress(campaign).flatMap(progress -> {
                    boolean funded = progress.totalFen() >= campaign.moneyGoalFen();
                    Mono<Void> tellSupporters = repository.pledgesOf(List.of(campaignId))
                            .filter(p -> p.accountId() != null && ACTIVE.contains(p.status()))
                            .map(Pledge::accountId).distinct().collectList()
                            .flatMap(people -> notifications.notify(people, funded ? "CAMPAIGN_FUNDED" : "CAMPAIGN_FAILED",
                                    funded ? "邻里节众筹成功！" : "邻里节众筹未达目标",
                                    campaign.theme() + (funded ? "：感谢每一位邻居" : "：已付款项将全额退回"),
                                    "pages/festival/detail?id=" + campaignId));
                    if (funded) {
                        return tellSupporters.then(repository.setStatus(campaignId, "OPEN", "FUNDED")).then();
                    }
                    Mono<Void> giveBack = !"ALL_OR_NOTHING".equals(campaign.fundingRule()) ? Mono.empty()
                            : repository.releaseItems(campaignId)
                            .thenMany(repository.startRefunds(campaignId))
                            .concatMap(pledgeId -> timers.schedule(PLEDGE_REFUND, pledgeId, Instant.now()))
                            .then();
                    return tellSupporters.then(repository.setStatus(campaignId, "OPEN", "FAILED")).then(giveBack);
                }));
    }

    // ---- reconciliation: a lost notification loses no money ----

    /**
     * Timer: a pledge still pending is checked with WeChat Pay. Paid → PAID (as the notification would have done);
     * unpaid and too old → the WeChat Pay order is closed and the pledge CLOSED; otherwise checked again later.
     */
    Mono<Void> checkPayment(long pledgeId) {
        String outTradeNo = PaymentNumbers.outTradeNo(pledgeId);
        return repository.lockPledge(pledgeId)
                .filter(pledge -> "PENDING".equals(pledge.status()))
                .flatMap(pledge -> weChatPay.paymentState(outTradeNo).flatMap(state -> {
                    if ("SUCCESS".equals(state.tradeState()) && pledge.amountFen() != null
                            && state.amountFen() == pledge.amountFen()) {
                        return repository.markPaid(pledgeId, state.transactionId())
                                .flatMap(paid -> paid ? events.publishAfterCommit(pledge.campaignId()) : Mono.<Void>empty());
                    }
                    boolean expired = pledge.createdAt().plus(properties.paymentExpiresAfter()).isBefore(Instant.now());
                    if (List.of("CLOSED", "PAYERROR", "REVOKED", "NOT_FOUND").contains(state.tradeState())) {
                        return repository.markClosed(pledgeId).then();
                    }
                    if (expired) {
                        return weChatPay.closePayment(outTradeNo).then(repository.markClosed(pledgeId)).then();
                    }
                    return timers.schedule(PLEDGE_PAYMENT_CHECK, pledgeId, Instant.now().plus(properties.paymentCheckAfter()));
                }));
    }

    // ---- refunds ----

    /**
     * Timer: asks WeChat Pay to refund a REFUNDING pledge. While WeChat Pay fails, the handler fails and the timer is
     * retried with back-off; the refund number derived from the pledge keeps WeChat Pay from refunding twice.
     */
    Mono<Void> requestRefund(long pledgeId) {
        return repository.lockPledge(pledgeId)
                .filter(pledge -> "REFUNDING".equals(pledge.status()) && pledge.amountFen() != null)
                .flatMap(pledge -> weChatPay.refund(PaymentNumbers.outTradeNo(pledgeId), PaymentNumbers.outRefundNo(pledgeId),
                                pledge.amountFen(), pledge.amountFen(), "邻里节众筹未达目标，全额退款")
                        .flatMap(status -> repository.markRefundRequested(pledgeId)
                                .then("SUCCESS".equals(status) ? refunded(pledge)
                                        : timers.schedule(PLEDGE_REFUND_CHECK, pledgeId, Instant.now().plusSeconds(60)))));
    }

    /** Timer: a refund WeChat Pay has not notified about yet is confirmed by querying it. */
    Mono<Void> checkRefund(long pledgeId) {
        return repository.lockPledge(pledgeId)
                .filter(pledge -> "REFUNDING".equals(pledge.status()))
                .flatMap(pledge -> weChatPay.refundStatus(PaymentNumbers.outRefundNo(pledgeId)).flatMap(status -> switch (status) {
                    case "SUCCESS" -> refunded(pledge);
                    case "PROCESSING" -> timers.schedule(PLEDGE_REFUND_CHECK, pledgeId, Instant.now().plusSeconds(60));
                    default -> timers.schedule(PLEDGE_REFUND, pledgeId, Instant.now().plusSeconds(600));
                }));
    }

    private Mono<Void> tellPledger(Pledge pledge, String kind, String title) {
        if (pledge.accountId() == null) {
            return Mono.empty();
        }
        String amount = pledge.amountFen() == null ? "" : String.format("%.2f 元", pledge.amountFen() / 100.0);
        return notifications.notify(List.of(pledge.accountId()), kind, title, amount,
                "pages/festival/detail?id=" + pledge.campaignId());
    }

    /** The pledge is REFUNDED (once) and its pledger told. */
    private Mono<Void> refunded(Pledge pledge) {
        return repository.markRefunded(pledge.id()).flatMap(done -> done
                ? tellPledger(pledge, "REFUND_MADE", "邻里节众筹未达目标，捐款已退回") : Mono.<Void>empty());
    }

    /**
     * A verified refund notification: the pledge is REFUNDED once. It must be the full refund of this pledge's own
     * payment (we only ever ask for that); anything else is refused and changes nothing.
     */
    public Mono<Void> confirmRefund(WeChatPay.RefundNotification notification) {
        if (!"SUCCESS".equals(notification.refundStatus()) || !notification.outRefundNo().startsWith("LLR")) {
            return Mono.empty();
        }
        long pledgeId;
        try {
            pledgeId = Long.parseLong(notification.outRefundNo().substring(3));
        } catch (NumberFormatException ex) {
            return Mono.error(new PaymentMismatch("unknown out_refund_no " + notification.outRefundNo()));
        }
        return transaction.transactional(repository.lockPledge(pledgeId)
                .switchIfEmpty(Mono.error(() -> new PaymentMismatch("unknown out_refund_no " + notification.outRefundNo())))
                .flatMap(pledge -> {
                    boolean ownPayment = PaymentNumbers.outTradeNo(pledgeId).equals(notification.outTradeNo());
                    Long amount = pledge.amountFen();
                    if (!ownPayment || amount == null || notification.refundFen() != amount
                            || notification.totalFen() != amount) {
                        return Mono.error(new PaymentMismatch("refund " + notification.outRefundNo() + " does not match"
                                + " pledge " + pledgeId + ": " + notification.outTradeNo() + " refunded "
                                + notification.refundFen() + " of " + notification.totalFen()));
                    }
                    return refunded(pledge);
                }).then());
    }

    // ---- helpers ----

    Mono<Campaign> find(long id) {
        return repository.campaignsByIds(List.of(id)).next().switchIfEmpty(Mono.error(() -> LinliException.notFound("众筹")));
    }

    private Mono<Void> requireOpen(long campaignId) {
        return repository.shareCampaign(campaignId)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("众筹")))
                .flatMap(campaign -> "OPEN".equals(campaign.status()) && campaign.deadline().isAfter(Instant.now())
                        ? Mono.<Void>empty() : Mono.error(new LinliException(ErrorCode.CAMPAIGN_NOT_OPEN)));
    }

    private Mono<Pledge> replay(String key, String hash) {
        return repository.pledgeByKey(key).flatMap(existing -> hash.equals(existing.requestHash()) ? Mono.just(existing)
                : Mono.error(new LinliException(ErrorCode.IDEMPOTENCY_KEY_REUSED, ErrorCode.IDEMPOTENCY_KEY_REUSED.defaultMessage(),
                Map.of("field", "input.idempotencyKey"), null)));
    }

    private Mono<Boolean> isStaffOf(Viewer viewer, long communityId) {
        return communities.requireStaffOf(viewer, communityId).thenReturn(true).onErrorReturn(LinliException.class, false);
    }

    private Mono<Void> requireResidentOrStaff(Viewer viewer, long communityId) {
        if (viewer.has(Role.ADMIN)) {
            return Mono.empty();
        }
        return Mono.zip(isStaffOf(viewer, communityId), communities.householdsOfAccounts(List.of(viewer.accountId())))
                .flatMap(t -> t.getT1() || t.getT2().getOrDefault(viewer.accountId(), List.of()).stream()
                        .anyMatch(h -> h.communityId() == communityId) ? Mono.<Void>empty()
                        : Mono.error(new LinliException(ErrorCode.FORBIDDEN, "只有本社区居民可以查看账目")));
    }

}
