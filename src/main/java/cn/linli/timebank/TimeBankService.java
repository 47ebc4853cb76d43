package cn.linli.timebank;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.reactive.TransactionalEventPublisher;
import reactor.core.publisher.Mono;

/**
 * 时间银行 as other features use it, inside THEIR transaction (so: {@code @Transactional} joins it, and no retry here —
 * the caller's entry point retries the whole transaction): service earns points (orders, volunteer activities, festival
 * roles) and points-priced orders hold, pay and return points ({@link OrderHolds}). Each movement is one
 * {@link Ledger} posting, once per key; anything that credits a person applies the community's storage cap.
 */
@Service
@Transactional
public class TimeBankService {

    private final Ledger ledger;
    private final TimeBankRepository repository;
    private final Credits credits;
    private final OrderHolds holds;
    private final TimeBankNotices notices;
    private final TransactionalEventPublisher events;

    TimeBankService(Ledger ledger, TimeBankRepository repository, Credits credits, OrderHolds holds,
                    TimeBankNotices notices, TransactionalEventPublisher events) {
        this.ledger = ledger;
        this.repository = repository;
        this.credits = credits;
        this.holds = holds;
        this.notices = notices;
        this.events = events;
    }

    /**
     * The serving member earns {@code minutes × rate / 60} points from the community's issuance account for a confirmed
     * order: once per order, whatever retries or races happen (the order id is the idempotency key).
     */
    public Mono<Void> earnForOrder(long orderId, long communityId, long memberAccountId, int minutes, String description) {
        String key = "order-earn:" + orderId;
        return repository.rules(communityId).flatMap(rules -> {
            long points = LedgerMath.pointsFor(minutes, rules.pointsPerHour());
            return earn(new Earning(MovementKind.EARN_ORDER, key, communityId, memberAccountId, points, minutes,
                    description, "order:" + orderId))
                    .flatMap(earned -> credits.afterEarning(rules, earned.posted(), earned.ledgerAccount(), key)
                            .then(serviceEarned(communityId))
                            .then(notices.pointsReceived(memberAccountId, "服务获得 " + points + " 积分", description)));
        });
    }

    /**
     * Volunteer attendance earns {@code minutes × pointsPerHour / 60} from the community's issuance account, once per
     * {@code key} (e.g. one activity and one volunteer), inside the caller's transaction.
     */
    public Mono<Void> earnForVolunteering(String key, long communityId, long accountId, int minutes, int pointsPerHour,
                                          String description) {
        return awardVolunteerPoints(key, communityId, accountId, (int) LedgerMath.pointsFor(minutes, pointsPerHour),
                minutes, description);
    }

    /** A fixed reward for volunteer time (e.g. a festival role), from the issuance account, once per {@code key}. */
    public Mono<Void> awardVolunteerPoints(String key, long communityId, long accountId, int points, int minutes,
                                           String description) {
        return earn(new Earning(MovementKind.EARN_VOLUNTEER, key, communityId, accountId, points, minutes, description, key))
                .flatMap(earned -> credits.afterEarning(earned.posted(), earned.ledgerAccount(), communityId, key)
                        .then(serviceEarned(communityId)));
    }

    /**
     * Holds a resident's points for a points-priced order when a partner accepts it (into the community's escrow).
     * Fails with {@code INSUFFICIENT_POINTS} when the resident no longer has them. Once per order.
     */
    public Mono<Void> holdForOrder(long orderId, long communityId, long residentAccountId, int points, String title) {
        return holds.hold(orderId, communityId, residentAccountId, points, title);
    }

    /** Pays an order's open hold to the member who served it (on confirmation). No hold, no-op. */
    public Mono<Void> payHold(long orderId, long memberAccountId, String title) {
        return holds.pay(orderId, memberAccountId, title);
    }

    /** Returns an order's open hold to the resident (on cancellation). No hold, no-op. */
    public Mono<Void> returnHold(long orderId, String title) {
        return holds.giveBack(orderId, title);
    }

    private record Earning(MovementKind kind, String key, long communityId, long ownerAccountId, long points,
                           int minutes, String description, @Nullable String reference) {
    }

    private record Earned(Ledger.Posted posted, long ledgerAccount) {
    }

    /** Posts an earning from the issuance account; empty when it earns nothing or was posted before. */
    private Mono<Earned> earn(Earning earning) {
        if (earning.points() <= 0) {
            return Mono.empty();
        }
        return Mono.zip(ledger.systemAccount(earning.communityId(), AccountKind.ISSUANCE),
                        ledger.personAccount(earning.ownerAccountId()))
                .flatMap(accounts -> ledger.post(posting(earning, accounts.getT1(), accounts.getT2()))
                        .filter(Ledger.Posted::fresh)
                        .map(posted -> new Earned(posted, accounts.getT2())));
    }

    private static Ledger.Posting posting(Earning earning, long issuance, long person) {
        Ledger.Posting posting = Ledger.Posting.move(earning.kind(), earning.key(), earning.communityId(),
                earning.description(), issuance, person, earning.points()).minutes(earning.minutes());
        return earning.reference() == null ? posting : posting.reference(earning.reference());
    }

    /** The cached leaderboard is dropped once this earning commits. */
    private Mono<Void> serviceEarned(long communityId) {
        return events.publishEvent(new Leaderboard.ServiceEarned(communityId));
    }
}
