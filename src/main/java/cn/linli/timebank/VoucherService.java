package cn.linli.timebank;

import java.time.Instant;
import java.util.List;

import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * A voucher's life after redemption, as {@link VoucherLifecycle} allows it: the supplying merchant verifies it (核销)
 * and is settled its points; the owner cancels it, or the timer expires it, and points and stock return. The voucher
 * row is locked first, so these never race each other.
 */
@Service
class VoucherService {

    private final RewardRepository rewards;
    private final RewardService catalogue;
    private final Ledger ledger;
    private final TimeBankAccess access;
    private final TimeBankNotices notices;

    VoucherService(RewardRepository rewards, RewardService catalogue, Ledger ledger, TimeBankAccess access,
                   TimeBankNotices notices) {
        this.rewards = rewards;
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.access = access;
        this.notices = notices;
    }

    Mono<List<Voucher>> myVouchers(Viewer viewer, @Nullable VoucherStatus status) {
        return rewards.vouchersOf(viewer.accountId(), status).collectList();
    }

    /** A member of the supplying partner marks a voucher used: once, and only its own partner's vouchers. */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Voucher> verify(Viewer viewer, String code) {
        return Mono.defer(() -> {
            String normalized = VoucherQrCode.normalize(code);
            return access.requirePartnerMember(viewer).flatMap(member -> rewards.lockVoucherByCode(normalized)
                    .switchIfEmpty(Mono.error(() -> LinliException.notFound("券")))
                    .flatMap(voucher -> catalogue.findReward(voucher.rewardId()).flatMap(reward -> {
                        var transition = VoucherLifecycle.checkVerify(voucher.status(),
                                TimeBankAccess.actorOf(member, reward), voucher.expiresAt(), Instant.now());
                        return close(voucher, reward, transition, viewer.accountId(), "核销：" + reward.title())
                                .then(rewards.lockVoucher(voucher.id()));
                    })));
        });
    }

    /** The owner gives a voucher back before using it: points and stock return. */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Voucher> cancel(Viewer viewer, String voucherId) {
        return Mono.defer(() -> {
            long id = Ids.parse(voucherId, "input.voucherId");
            return rewards.lockVoucher(id)
                    .switchIfEmpty(Mono.error(() -> LinliException.notFound("券")))
                    .flatMap(voucher -> {
                        var transition = VoucherLifecycle.check(voucher.status(), VoucherLifecycle.Action.CANCEL,
                                TimeBankAccess.actorOf(viewer, voucher));
                        return catalogue.findReward(voucher.rewardId())
                                .flatMap(reward -> close(voucher, reward, transition, null, "取消兑换，退回积分：" + reward.title()));
                    })
                    .then(rewards.lockVoucher(id));
        });
    }

    /** Timer (inside the timer's transaction): three days before an unused voucher expires, its owner is reminded. */
    @Transactional
    Mono<Void> remindExpiry(long voucherId) {
        return rewards.lockVoucher(voucherId)
                .filter(voucher -> VoucherLifecycle.worthReminding(voucher.status()))
                .flatMap(voucher -> catalogue.findReward(voucher.rewardId())
                        .flatMap(reward -> notices.voucherExpiring(voucher.ownerId(), reward.title())));
    }

    /** Timer (inside the timer's transaction): an unused voucher past its date expires. No-op otherwise. */
    @Transactional
    Mono<Void> expire(long voucherId) {
        return rewards.lockVoucher(voucherId).flatMap(voucher -> Mono.justOrEmpty(
                        VoucherLifecycle.expiryDue(voucher.status(), voucher.expiresAt(), Instant.now()))
                .flatMap(transition -> catalogue.findReward(voucher.rewardId())
                        .flatMap(reward -> close(voucher, reward, transition, null, "券过期未使用，退回积分：" + reward.title()))));
    }

    /** The guarded state change, then the points go where the transition says (stock returns with them). */
    private Mono<Void> close(Voucher voucher, Reward reward, VoucherLifecycle.Transition transition,
                             @Nullable Long verifiedBy, String description) {
        return rewards.closeVoucher(voucher.id(), transition, verifiedBy)
                .filter(closed -> closed)
                .flatMap(closed -> switch (transition.settlement()) {
                    // a used voucher's points move to the partner that honoured it
                    case TO_SUPPLIER -> ledger.partnerAccount(reward.partnerId());
                    case BACK_TO_OWNER -> rewards.returnStock(reward.id(), 1).then(ledger.personAccount(voucher.ownerId()));
                })
                .flatMap(to -> ledger.systemAccount(reward.communityId(), AccountKind.REDEMPTION)
                        .flatMap(from -> ledger.post(settlement(transition.settlement(), voucher, reward, description, from, to))))
                .then();
    }

    private static Ledger.Posting settlement(VoucherLifecycle.Settlement settlement, Voucher voucher, Reward reward,
                                             String description, long from, long to) {
        String key = (settlement == VoucherLifecycle.Settlement.TO_SUPPLIER ? "voucher-settle:" : "voucher-return:")
                + voucher.id();
        return Ledger.Posting.move(settlement.movement, key, reward.communityId(), description, from, to,
                voucher.pointsPaid()).reference("voucher:" + voucher.id());
    }
}
