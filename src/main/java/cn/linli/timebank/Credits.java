package cn.linli.timebank;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import cn.linli.platform.timer.Timers;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What follows a credit to a person, in the same transaction: the community's storage cap (the overflow goes to its
 * pool, and the statement says so) and, for earnings, the expiry timer of the community's rules.
 */
@Component
class Credits {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Ledger ledger;
    private final TimeBankRepository repository;
    private final Timers timers;

    Credits(Ledger ledger, TimeBankRepository repository, Timers timers) {
        this.ledger = ledger;
        this.repository = repository;
        this.timers = timers;
    }

    /** An earning's follow-ups, reading the community's rules once: the storage cap, then the expiry timer. */
    Mono<Void> afterEarning(Ledger.Posted posted, long personLedgerAccount, long communityId, String causeKey) {
        return repository.rules(communityId).flatMap(rules -> afterEarning(rules, posted, personLedgerAccount, causeKey));
    }

    Mono<Void> afterEarning(TimeBankRepository.Rules rules, Ledger.Posted posted, long personLedgerAccount,
                            String causeKey) {
        return applyCap(rules, personLedgerAccount, causeKey).then(scheduleExpiry(rules, posted));
    }

    /** A credit that does not expire (a family transfer) still respects the cap. */
    Mono<Void> applyCap(long personLedgerAccount, long communityId, String causeKey) {
        return repository.rules(communityId).flatMap(rules -> applyCap(rules, personLedgerAccount, causeKey));
    }

    /** Moves what a person holds above the community's cap into its pool. */
    private Mono<Void> applyCap(TimeBankRepository.Rules rules, long personLedgerAccount, String causeKey) {
        Integer cap = rules.storageCap();
        if (cap == null) {
            return Mono.empty();
        }
        return ledger.balance(personLedgerAccount)
                .map(balance -> LedgerMath.overflow(balance, cap))
                .filter(overflow -> overflow > 0)
                .flatMap(overflow -> ledger.systemAccount(rules.communityId(), AccountKind.POOL)
                        .flatMap(pool -> ledger.post(Ledger.Posting.move(MovementKind.OVERFLOW, causeKey + ":overflow",
                                rules.communityId(), "超出积分存储上限 " + cap + "，" + overflow + " 分自动转入社区公益池",
                                personLedgerAccount, pool, overflow))))
                .then();
    }

    /** Earned points expire after the community's months, if it set any: one timer per earning. */
    private Mono<Void> scheduleExpiry(TimeBankRepository.Rules rules, Ledger.Posted posted) {
        Integer months = rules.expiryMonths();
        return months == null ? Mono.empty()
                : timers.schedule(TimeBankTimers.POINTS_EXPIRY, posted.transactionId(),
                ZonedDateTime.now(CHINA).plusMonths(months).toInstant());
    }
}
