package cn.linli.timebank;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.idempotency.IdempotencyKeys;
import cn.linli.platform.security.Viewer;
import cn.linli.platform.timer.Timers;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Redeeming points for vouchers: stock and points are taken in one transaction (never oversold, never beyond the
 * balance); the request row makes a retry return the same vouchers. Each voucher gets its expiry and reminder timers.
 */
@Service
class RedemptionService {

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Duration REMIND_BEFORE = Duration.ofDays(3);

    private final RewardRepository rewards;
    private final RewardService catalogue;
    private final Ledger ledger;
    private final TimeBankAccess access;
    private final Timers timers;
    private final SecureRandom random = new SecureRandom();

    RedemptionService(RewardRepository rewards, RewardService catalogue, Ledger ledger, TimeBankAccess access,
                      Timers timers) {
        this.rewards = rewards;
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.access = access;
        this.timers = timers;
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<RewardInputs.Redeemed> redeem(Viewer viewer, RewardInputs.RedeemRewardInput input) {
        return Mono.defer(() -> {
            long rewardId = Ids.parse(input.rewardId(), "input.rewardId");
            String key = IdempotencyKeys.scoped(viewer, input.idempotencyKey());
            String hash = rewardId + "|" + input.quantity();
            return rewards.insertRedemption(key, hash, rewardId, viewer.accountId(), input.quantity())
                    .flatMap(redemptionId -> catalogue.findReward(rewardId)
                            .flatMap(reward -> access.requireMayRedeem(viewer, reward.communityId()).thenReturn(reward))
                            .flatMap(reward -> redeemFresh(viewer, reward, redemptionId, input.quantity())))
                    .switchIfEmpty(Mono.defer(() -> replay(viewer, key, hash)));
        });
    }

    private Mono<RewardInputs.Redeemed> redeemFresh(Viewer viewer, Reward reward, long redemptionId, int quantity) {
        Instant expiresAt = Instant.now().plus(Duration.ofDays(reward.voucherValidDays()));
        return rewards.takeStock(reward.id(), quantity)
                .flatMap(taken -> taken ? pay(viewer, reward, redemptionId, quantity)
                        : Mono.error(new LinliException(ErrorCode.OUT_OF_STOCK)))
                .flatMap(person -> issueVouchers(viewer, reward, redemptionId, quantity, expiresAt)
                        .then(ledger.balance(person)))
                .flatMap(balance -> rewards.vouchersOfRedemption(redemptionId).collectList()
                        .map(vouchers -> new RewardInputs.Redeemed(vouchers, false, balance)));
    }

    /** The points go from the redeemer to the community's redemption account; answers the redeemer's ledger account. */
    private Mono<Long> pay(Viewer viewer, Reward reward, long redemptionId, int quantity) {
        long points = (long) reward.pointsPrice() * quantity;
        String key = "redeem:" + redemptionId;
        return Mono.zip(ledger.personAccount(viewer.accountId()),
                        ledger.systemAccount(reward.communityId(), AccountKind.REDEMPTION))
                .flatMap(accounts -> ledger.post(Ledger.Posting.move(MovementKind.REDEEM, key, reward.communityId(),
                                        "兑换 " + reward.title() + " × " + quantity, accounts.getT1(), accounts.getT2(), points)
                                .actor(viewer.accountId()).reference("reward:" + reward.id()))
                        .thenReturn(accounts.getT1()));
    }

    private Mono<Void> issueVouchers(Viewer viewer, Reward reward, long redemptionId, int quantity, Instant expiresAt) {
        return Flux.range(0, quantity)
                .concatMap(i -> rewards.insertVoucher(redemptionId, reward.id(), viewer.accountId(), newCode(),
                        reward.pointsPrice(), expiresAt))
                .thenMany(rewards.vouchersOfRedemption(redemptionId))
                .concatMap(voucher -> timers.schedule(TimeBankTimers.VOUCHER_EXPIRY, voucher.id(), expiresAt)
                        .then(timers.schedule(TimeBankTimers.VOUCHER_EXPIRY_REMINDER, voucher.id(),
                                expiresAt.minus(REMIND_BEFORE))))
                .then();
    }

    private Mono<RewardInputs.Redeemed> replay(Viewer viewer, String key, String hash) {
        return rewards.redemptionByKey(key).flatMap(past -> IdempotencyKeys.ifSameRequest(past.requestHash(), hash,
                () -> Mono.zip(rewards.vouchersOfRedemption(past.id()).collectList(),
                                ledger.personAccount(viewer.accountId()).flatMap(ledger::balance))
                        .map(t -> new RewardInputs.Redeemed(t.getT1(), true, t.getT2()))));
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
