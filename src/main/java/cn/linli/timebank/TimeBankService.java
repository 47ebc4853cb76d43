package cn.linli.timebank;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import cn.linli.community.CommunityService;
import cn.linli.community.Household;
import cn.linli.platform.db.TransactionRetry;
import cn.linli.platform.error.Check;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.idempotency.IdempotencyKeys;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewers;
import cn.linli.platform.timer.Timers;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * 时间银行: earning, granting, giving and reading points. Every movement goes through the {@link Ledger} inside one
 * transaction; anything that credits a person applies the community's storage cap (the overflow goes to the pool, and
 * the statement says so).
 */
@Service
public class TimeBankService {

    private static final Duration LEADERBOARD_TTL = Duration.ofMinutes(5);
    private static final int MAX_POINTS = 100_000;

    private final Ledger ledger;
    private final TimeBankRepository repository;
    private final CommunityService communities;
    private final TransactionalOperator transaction;
    private final ReactiveStringRedisTemplate redis;
    private final JsonMapper json;
    private final DatabaseClient db;
    private final Timers timers;
    private final cn.linli.notification.NotificationService notifications;

    TimeBankService(Ledger ledger, TimeBankRepository repository, CommunityService communities,
                    TransactionalOperator transaction, ReactiveStringRedisTemplate redis, JsonMapper json, DatabaseClient db,
                    Timers timers, cn.linli.notification.NotificationService notifications) {
        this.notifications = notifications;
        this.db = db;
        this.timers = timers;
        this.ledger = ledger;
        this.repository = repository;
        this.communities = communities;
        this.transaction = transaction;
        this.redis = redis;
        this.json = json;
    }

    // ---- for the order feature (inside its transaction) ----

    /**
     * The serving member earns {@code minutes × rate / 60} points from the community's issuance account for a confirmed
     * order: once per order, whatever retries or races happen (the order id is the idempotency key).
     */
    public Mono<Void> earnForOrder(long orderId, long communityId, long memberAccountId, int minutes, String description) {
        return repository.rules(communityId).flatMap(rules -> {
            long points = (long) minutes * rules.pointsPerHour() / 60;
            if (points <= 0) {
                return Mono.empty();
            }
            return Mono.zip(ledger.systemAccount(communityId, "ISSUANCE"), ledger.personAccount(memberAccountId))
                    .flatMap(accounts -> ledger.post(new Ledger.Posting("EARN_ORDER", "order-earn:" + orderId,
                                    "order-earn:" + orderId, communityId, null, description, minutes, "order:" + orderId,
                                    List.of(new Ledger.Leg(accounts.getT1(), -points), new Ledger.Leg(accounts.getT2(), points))))
                            .flatMap(posted -> posted.fresh()
                                    ? applyCap(rules, accounts.getT2(), "order-earn:" + orderId)
                                            .then(scheduleExpiry(rules, posted)).then(forgetLeaderboard(communityId))
                                            .then(notifications.notify(List.of(memberAccountId), "POINTS_RECEIVED",
                                                    "服务获得 " + points + " 积分", description, "pages/timebank/index"))
                                    : Mono.empty()));
        });
    }

    /**
     * Volunteer attendance earns {@code minutes × pointsPerHour / 60} from the community's issuance account, once per
     * {@code key} (e.g. one activity and one volunteer), inside the caller's transaction.
     */
    public Mono<Void> earnForVolunteering(String key, long communityId, long accountId, int minutes, int pointsPerHour,
                                          String description) {
        long points = (long) minutes * pointsPerHour / 60;
        if (points <= 0) {
            return Mono.empty();
        }
        return Mono.zip(ledger.systemAccount(communityId, "ISSUANCE"), ledger.personAccount(accountId))
                .flatMap(accounts -> ledger.post(new Ledger.Posting("EARN_VOLUNTEER", key, key, communityId, null,
                                description, minutes, key,
                                List.of(new Ledger.Leg(accounts.getT1(), -points), new Ledger.Leg(accounts.getT2(), points))))
                        .flatMap(posted -> posted.fresh()
                                ? afterEarning(posted, accounts.getT2(), communityId, key)
                                        .then(forgetLeaderboard(communityId))
                                : Mono.empty()));
    }

    /**
     * Holds a resident's points for a points-priced order when a partner accepts it (into the community's escrow).
     * Fails with {@code INSUFFICIENT_POINTS} when the resident no longer has them. Once per order.
     */
    public Mono<Void> holdForOrder(long orderId, long communityId, long residentAccountId, int points, String title) {
        return db.sql("""
                        insert into points_hold (order_id, account_id, community_id, points, status)
                        values (:order, :account, :community, :points, 'OPEN') on conflict do nothing
                        """)
                .bind("order", orderId).bind("account", residentAccountId).bind("community", communityId).bind("points", points)
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 0 ? Mono.<Void>empty()
                        : Mono.zip(ledger.personAccount(residentAccountId), ledger.systemAccount(communityId, "ESCROW"))
                        .flatMap(accounts -> ledger.post(new Ledger.Posting("HOLD", "order-hold:" + orderId,
                                "order-hold:" + orderId, communityId, null, "预扣积分：" + title, null, "order:" + orderId,
                                List.of(new Ledger.Leg(accounts.getT1(), -points), new Ledger.Leg(accounts.getT2(), points)))))
                        .then());
    }

    /** Pays an order's open hold to the member who served it (on confirmation). No hold, no-op. */
    public Mono<Void> payHold(long orderId, long memberAccountId, String title) {
        return closeHold(orderId, "PAID").flatMap(hold -> Mono.zip(ledger.systemAccount(hold.communityId(), "ESCROW"),
                        ledger.personAccount(memberAccountId))
                .flatMap(accounts -> ledger.post(new Ledger.Posting("HOLD_PAY", "order-hold-pay:" + orderId,
                        "order-hold-pay:" + orderId, hold.communityId(), null, "服务收入：" + title, null, "order:" + orderId,
                        List.of(new Ledger.Leg(accounts.getT1(), -hold.points()), new Ledger.Leg(accounts.getT2(), hold.points()))))
                        .flatMap(posted -> afterEarning(posted, accounts.getT2(), hold.communityId(),
                                "order-hold-pay:" + orderId))));
    }

    /** Returns an order's open hold to the resident (on cancellation). No hold, no-op. */
    public Mono<Void> returnHold(long orderId, String title) {
        return closeHold(orderId, "RETURNED").flatMap(hold -> Mono.zip(ledger.systemAccount(hold.communityId(), "ESCROW"),
                        ledger.personAccount(hold.accountId()))
                .flatMap(accounts -> ledger.post(new Ledger.Posting("HOLD_RETURN", "order-hold-return:" + orderId,
                        "order-hold-return:" + orderId, hold.communityId(), null, "订单取消，退回预扣积分：" + title, null,
                        "order:" + orderId,
                        List.of(new Ledger.Leg(accounts.getT1(), -hold.points()), new Ledger.Leg(accounts.getT2(), hold.points()))))
                        .then()));
    }

    private record Hold(long accountId, long communityId, int points) {
    }

    private Mono<Hold> closeHold(long orderId, String status) {
        return db.sql("""
                        update points_hold set status = :status, closed_at = now()
                         where order_id = :order and status = 'OPEN'
                        returning account_id, community_id, points
                        """)
                .bind("status", status).bind("order", orderId)
                .map(row -> new Hold(row.get("account_id", Long.class), row.get("community_id", Long.class),
                        row.get("points", Integer.class)))
                .one();
    }

    static final String POINTS_EXPIRY = "POINTS_EXPIRY";

    /** An earning's follow-ups, reading the community's rules once: the storage cap, then the expiry timer. */
    private Mono<Void> afterEarning(Ledger.Posted posted, long personLedgerAccount, long communityId, String causeKey) {
        return repository.rules(communityId)
                .flatMap(rules -> applyCap(rules, personLedgerAccount, causeKey).then(scheduleExpiry(rules, posted)));
    }

    /** Earned points expire after the community's months, if it set any: one timer per earning. */
    private Mono<Void> scheduleExpiry(TimeBankRepository.Rules rules, Ledger.Posted posted) {
        return rules.expiryMonths() == null ? Mono.empty()
                : timers.schedule(POINTS_EXPIRY, posted.transactionId(),
                java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(rules.expiryMonths()).toInstant());
    }

    /** Timer: what is left of an earning (points are spent oldest first) goes to the community pool. Once. */
    Mono<Void> expireEarning(long transactionId) {
        return repository.earning(transactionId).flatMap(earning -> repository.remainingOf(earning).flatMap(remaining ->
                remaining <= 0 ? Mono.<Void>empty() : ledger.systemAccount(earning.communityId(), "POOL")
                        .flatMap(pool -> ledger.post(new Ledger.Posting("EXPIRE", "expire:" + transactionId,
                                "expire:" + transactionId, earning.communityId(), null,
                                "积分到期（" + java.time.LocalDate.ofInstant(earning.at(), java.time.ZoneId.of("Asia/Shanghai"))
                                        + " 获得）" + remaining + " 分转入社区公益池", null, "transaction:" + transactionId,
                                List.of(new Ledger.Leg(earning.ledgerAccountId(), -remaining), new Ledger.Leg(pool, remaining)))))
                        .then()));
    }

    /** A fixed reward for volunteer time (e.g. a festival role), from the issuance account, once per {@code key}. */
    public Mono<Void> awardVolunteerPoints(String key, long communityId, long accountId, int points, int minutes,
                                           String description) {
        if (points <= 0) {
            return Mono.empty();
        }
        return Mono.zip(ledger.systemAccount(communityId, "ISSUANCE"), ledger.personAccount(accountId))
                .flatMap(accounts -> ledger.post(new Ledger.Posting("EARN_VOLUNTEER", key, key, communityId, null,
                                description, minutes, key,
                                List.of(new Ledger.Leg(accounts.getT1(), -points), new Ledger.Leg(accounts.getT2(), points))))
                        .flatMap(posted -> posted.fresh()
                                ? afterEarning(posted, accounts.getT2(), communityId, key)
                                        .then(forgetLeaderboard(communityId))
                                : Mono.empty()));
    }

    // ---- queries ----

    Mono<TimeBankInputs.TimeBankView> myTimeBank() {
        return Viewers.current().flatMap(viewer -> ledger.personAccount(viewer.accountId())
                .flatMap(account -> Mono.zip(ledger.balance(account), openHolds(viewer.accountId()))
                        .map(t -> new TimeBankInputs.TimeBankView(account, t.getT1(), t.getT2()))));
    }

    private Mono<Long> openHolds(long accountId) {
        return db.sql("select coalesce(sum(points), 0) as held from points_hold where account_id = :a and status = 'OPEN'")
                .bind("a", accountId).map(row -> row.get("held", Long.class)).one();
    }

    Mono<Connection<StatementEntry>> statement(TimeBankInputs.TimeBankView view, @Nullable Integer first, @Nullable String after) {
        PageRequest page = PageRequest.of(first, after);
        return repository.statement(view.ledgerAccountId(), page).collectList()
                .map(rows -> Connection.of(rows, page, StatementEntry::position));
    }

    Mono<TimeBankInputs.TimeBankRulesView> rules(String communityId) {
        return Viewers.current().then(Mono.defer(() -> {
            long community = Ids.parse(communityId, "communityId");
            return repository.rules(community).map(rules -> new TimeBankInputs.TimeBankRulesView(communityId,
                    rules.pointsPerHour(), rules.storageCap(), rules.expiryMonths()));
        }));
    }

    Mono<TimeBankInputs.ReconciliationView> reconciliation(String communityId) {
        return Viewers.current().flatMap(viewer -> {
            long community = Ids.parse(communityId, "communityId");
            return communities.requireStaffOf(viewer, community)
                    .then(Mono.zip(repository.reconciliationBreaks(), repository.totals(community)))
                    .map(t -> new TimeBankInputs.ReconciliationView(t.getT1().isEmpty(), (int) t.getT2().accounts(),
                            (int) t.getT2().transactions(), t.getT2().issued(), t.getT1()));
        });
    }

    /** Volunteer hours per person in the community, from the ledger; cached briefly, dropped on every new earning. */
    Mono<List<TimeBankInputs.LeaderboardEntry>> leaderboard(String communityId, @Nullable Integer first) {
        return Viewers.current().then(Mono.defer(() -> {
            long community = Ids.parse(communityId, "communityId");
            int limit = Check.range(first == null ? 10 : first, "first", "名次数量", 1, 50);
            String key = leaderboardKey(community);
            String field = String.valueOf(limit);
            return redis.<String, String>opsForHash().get(key, field)
                    .map(cached -> json.readValue(cached, new TypeReference<List<TimeBankInputs.LeaderboardEntry>>() { }))
                    .switchIfEmpty(Mono.defer(() -> repository.leaderboard(community, limit).collectList().flatMap(rows -> {
                        List<TimeBankInputs.LeaderboardEntry> entries = new ArrayList<>();
                        for (int i = 0; i < rows.size(); i++) {
                            var row = rows.get(i);
                            entries.add(new TimeBankInputs.LeaderboardEntry(i + 1, String.valueOf(row.accountId()),
                                    row.nickname(), row.minutes(), Math.round(row.minutes() / 6.0) / 10.0));
                        }
                        return redis.<String, String>opsForHash().put(key, field, json.writeValueAsString(entries))
                                .then(redis.expire(key, LEADERBOARD_TTL))
                                .thenReturn(entries);
                    })));
        }));
    }

    // ---- mutations ----

    Mono<TimeBankInputs.PointsMovement> grantPoints(TimeBankInputs.GrantPointsInput input, boolean fromPool) {
        return Viewers.current().flatMap(viewer -> {
            long community = Ids.parse(input.communityId(), "input.communityId");
            long recipient = Ids.parse(input.accountId(), "input.accountId");
            int points = Check.range(input.points(), "input.points", "积分", 1, MAX_POINTS);
            String reason = Check.text(input.reason(), "input.reason", "发放原因", 200);
            String key = IdempotencyKeys.scoped(viewer, input.idempotencyKey());
            String kind = fromPool ? "POOL_GRANT" : "GRANT";
            String fingerprint = kind + "|" + community + "|" + recipient + "|" + points + "|" + reason;
            return communities.requireStaffOf(viewer, community)
                    .then(requireResidentOf(recipient, community))
                    .then(inTransaction(Mono.zip(ledger.systemAccount(community, fromPool ? "POOL" : "ISSUANCE"),
                                    ledger.personAccount(recipient))
                            .flatMap(accounts -> ledger.post(new Ledger.Posting(kind, key, fingerprint, community,
                                            viewer.accountId(), (fromPool ? "公益池帮扶：" : "社区奖励：") + reason, null, null,
                                            List.of(new Ledger.Leg(accounts.getT1(), -points),
                                                    new Ledger.Leg(accounts.getT2(), points))))
                                    .flatMap(posted -> (posted.fresh() ? afterEarning(posted, accounts.getT2(), community, key)
                                            .then(notifications.notify(List.of(recipient), "POINTS_RECEIVED",
                                                    "收到 " + points + " 积分", reason, "pages/timebank/index"))
                                            : Mono.<Void>empty()).thenReturn(posted))
                                    .flatMap(posted -> movement(posted, accounts.getT2())))));
        });
    }

    Mono<TimeBankInputs.PointsMovement> transferPoints(TimeBankInputs.TransferPointsInput input) {
        return Viewers.current().flatMap(viewer -> {
            long recipient = Ids.parse(input.toAccountId(), "input.toAccountId");
            int points = Check.range(input.points(), "input.points", "积分", 1, MAX_POINTS);
            String note = Check.optionalText(input.note(), "input.note", "留言", 100);
            String key = IdempotencyKeys.scoped(viewer, input.idempotencyKey());
            if (recipient == viewer.accountId()) {
                throw LinliException.invalid("input.toAccountId", "不能转给自己");
            }
            return communities.householdsOfAccounts(List.of(viewer.accountId(), recipient)).flatMap(households -> {
                List<Household> mine = households.getOrDefault(viewer.accountId(), List.of());
                List<Household> theirs = households.getOrDefault(recipient, List.of());
                Household shared = mine.stream().filter(h -> theirs.stream().anyMatch(t -> t.id() == h.id()))
                        .findFirst().orElse(null);
                if (shared == null) {
                    return Mono.error(new LinliException(cn.linli.platform.error.ErrorCode.FORBIDDEN, "只能转给同一户的家人"));
                }
                String description = "家庭转赠" + (note == null ? "" : "：" + note);
                String fingerprint = "TRANSFER|" + recipient + "|" + points + "|" + note;
                return inTransaction(Mono.zip(ledger.personAccount(viewer.accountId()), ledger.personAccount(recipient))
                        .flatMap(accounts -> ledger.post(new Ledger.Posting("TRANSFER", key, fingerprint,
                                        shared.communityId(), viewer.accountId(), description, null, null,
                                        List.of(new Ledger.Leg(accounts.getT1(), -points), new Ledger.Leg(accounts.getT2(), points))))
                                .flatMap(posted -> (posted.fresh() ? applyCap(accounts.getT2(), shared.communityId(), key)
                                        .then(notifications.notify(List.of(recipient), "POINTS_RECEIVED",
                                                "家人转赠 " + points + " 积分", description, "pages/timebank/index"))
                                        : Mono.<Void>empty()).thenReturn(posted))
                                .flatMap(posted -> movement(posted, accounts.getT1()))));
            });
        });
    }

    Mono<TimeBankInputs.PointsMovement> donatePoints(TimeBankInputs.DonatePointsInput input) {
        return Viewers.current().flatMap(viewer -> {
            long community = Ids.parse(input.communityId(), "input.communityId");
            int points = Check.range(input.points(), "input.points", "积分", 1, MAX_POINTS);
            String key = IdempotencyKeys.scoped(viewer, input.idempotencyKey());
            return requireResidentOf(viewer.accountId(), community)
                    .then(inTransaction(Mono.zip(ledger.personAccount(viewer.accountId()), ledger.systemAccount(community, "POOL"))
                            .flatMap(accounts -> ledger.post(new Ledger.Posting("DONATE", key, "DONATE|" + community + "|" + points,
                                            community, viewer.accountId(), "捐赠给社区公益池", null, null,
                                            List.of(new Ledger.Leg(accounts.getT1(), -points), new Ledger.Leg(accounts.getT2(), points))))
                                    .flatMap(posted -> movement(posted, accounts.getT1())))));
        });
    }

    Mono<TimeBankInputs.TimeBankRulesView> setRules(TimeBankInputs.SetTimeBankRulesInput input) {
        return Viewers.current().flatMap(viewer -> {
            long community = Ids.parse(input.communityId(), "input.communityId");
            int rate = Check.range(input.pointsPerHour(), "input.pointsPerHour", "每小时积分", 1, 1000);
            Integer cap = input.storageCap() == null ? null
                    : Check.range(input.storageCap(), "input.storageCap", "积分存储上限", 1, 10_000_000);
            Integer expiry = input.expiryMonths() == null ? null
                    : Check.range(input.expiryMonths(), "input.expiryMonths", "积分有效期（月）", 1, 120);
            return communities.requireStaffOf(viewer, community)
                    .then(repository.saveRules(community, rate, cap, expiry))
                    .thenReturn(new TimeBankInputs.TimeBankRulesView(input.communityId(), rate, cap, expiry));
        });
    }

    // ---- rules ----

    /** Moves what a person holds above the community's cap into its pool, in the same transaction. */
    private Mono<Void> applyCap(long personLedgerAccount, long communityId, String causeKey) {
        return repository.rules(communityId).flatMap(rules -> applyCap(rules, personLedgerAccount, causeKey));
    }

    private Mono<Void> applyCap(TimeBankRepository.Rules rules, long personLedgerAccount, String causeKey) {
        long communityId = rules.communityId();
        Integer cap = rules.storageCap();
        if (cap == null) {
            return Mono.empty();
        }
        return ledger.balance(personLedgerAccount).flatMap(balance -> {
            long overflow = balance - cap;
            if (overflow <= 0) {
                return Mono.empty();
            }
            return ledger.systemAccount(communityId, "POOL").flatMap(pool -> ledger.post(new Ledger.Posting(
                    "OVERFLOW", causeKey + ":overflow", causeKey + ":overflow", communityId, null,
                    "超出积分存储上限 " + cap + "，" + overflow + " 分自动转入社区公益池", null, null,
                    List.of(new Ledger.Leg(personLedgerAccount, -overflow), new Ledger.Leg(pool, overflow))))).then();
        });
    }

    private Mono<Void> requireResidentOf(long accountId, long communityId) {
        return communities.householdsOfAccounts(List.of(accountId))
                .map(households -> households.getOrDefault(accountId, List.of()).stream()
                        .anyMatch(household -> household.communityId() == communityId))
                .flatMap(resident -> resident ? Mono.<Void>empty()
                        : Mono.error(LinliException.invalid("input.accountId", "该居民不属于这个社区")));
    }

    private <T> Mono<T> inTransaction(Mono<T> work) {
        return transaction.transactional(work).retryWhen(TransactionRetry.onConflict());
    }

    private Mono<TimeBankInputs.PointsMovement> movement(Ledger.Posted posted, long balanceOf) {
        return ledger.balance(balanceOf).map(balance ->
                new TimeBankInputs.PointsMovement(String.valueOf(posted.transactionId()), !posted.fresh(), balance));
    }


    private static String leaderboardKey(long communityId) {
        return "linli:volunteer-leaderboard:" + communityId;
    }

    /** Drops the cached leaderboard once the earning has committed, so the next read sees it. */
    private Mono<Void> forgetLeaderboard(long communityId) {
        Mono<Void> forget = redis.delete(leaderboardKey(communityId)).then();
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(sync -> sync.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return forget.onErrorResume(ex -> Mono.empty());
                    }
                }))
                .then()
                .onErrorResume(ex -> forget.onErrorResume(inner -> Mono.empty()));
    }
}
