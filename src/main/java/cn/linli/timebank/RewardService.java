package cn.linli.timebank;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.linli.community.CommunityService;
import cn.linli.partner.PartnerMember;
import cn.linli.partner.PartnerService;
import cn.linli.platform.db.TransactionRetry;
import cn.linli.platform.error.Check;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.idempotency.IdempotencyKeys;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewer;
import cn.linli.platform.security.Viewers;
import cn.linli.platform.timer.Timers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spending points: the reward catalogue partners supply, redemption into vouchers, verification by the supplying
 * merchant (核销), and the return of points and stock when a voucher is cancelled or expires. A redemption takes stock
 * and points in one transaction; its request row makes a retry return the same vouchers.
 */
@Service
public class RewardService {

    static final String VOUCHER_EXPIRY = "VOUCHER_EXPIRY";
    static final String VOUCHER_EXPIRY_REMINDER = "VOUCHER_EXPIRY_REMINDER";
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final RewardRepository rewards;
    private final Ledger ledger;
    private final PartnerService partners;
    private final CommunityService communities;
    private final Timers timers;
    private final TransactionalOperator transaction;
    private final SecureRandom random = new SecureRandom();
    private final cn.linli.notification.NotificationService notifications;

    RewardService(RewardRepository rewards, Ledger ledger, PartnerService partners, CommunityService communities,
                  Timers timers, TransactionalOperator transaction, cn.linli.notification.NotificationService notifications) {
        this.notifications = notifications;
        this.rewards = rewards;
        this.ledger = ledger;
        this.partners = partners;
        this.communities = communities;
        this.timers = timers;
        this.transaction = transaction;
    }

    record CreateRewardInput(String communityId, String kind, String title, @Nullable String description, int pointsPrice,
                             int stock, LocalDate validTo, @Nullable Integer voucherValidDays) {
    }

    record RedeemRewardInput(String rewardId, int quantity, String idempotencyKey) {
    }

    record Redeemed(List<Voucher> vouchers, boolean replayed, long balance) {
    }

    Mono<Reward> createReward(CreateRewardInput input) {
        return Viewers.current().flatMap(viewer -> {
            long community = Ids.parse(input.communityId(), "input.communityId");
            String title = Check.text(input.title(), "input.title", "奖品名称", 60);
            String description = Check.optionalText(input.description(), "input.description", "说明", 500);
            int price = Check.range(input.pointsPrice(), "input.pointsPrice", "积分价格", 1, 100_000);
            int stock = Check.range(input.stock(), "input.stock", "库存", 0, 100_000);
            int days = Check.range(input.voucherValidDays() == null ? 30 : input.voucherValidDays(),
                    "input.voucherValidDays", "券有效天数", 1, 365);
            return partners.membershipOf(viewer.accountId())
                    .filter(PartnerMember::isAdmin)
                    .switchIfEmpty(Mono.error(LinliException::forbidden))
                    .flatMap(member -> partners.hasValidContract(member.partnerId(), community)
                            .flatMap(valid -> valid ? rewards.insertReward(community, member.partnerId(), input.kind(), title,
                                    description, price, stock, input.validTo(), days)
                                    : Mono.error(LinliException.invalid("input.communityId", "本合伙人与该社区没有有效合同"))))
                    .flatMap(this::findReward);
        });
    }

    Mono<Connection<Reward>> rewards(String communityId, @Nullable String kind, @Nullable Integer first,
                                     @Nullable String after) {
        return Viewers.current().then(Mono.defer(() -> {
            long community = Ids.parse(communityId, "communityId");
            PageRequest page = PageRequest.of(first, after);
            return rewards.available(community, kind, page).collectList()
                    .map(rows -> Connection.of(rows, page, Reward::position));
        }));
    }

    Mono<List<Voucher>> myVouchers(@Nullable String status) {
        return Viewers.current().flatMap(viewer -> rewards.vouchersOf(viewer.accountId(), status).collectList());
    }

    Mono<Redeemed> redeem(RedeemRewardInput input) {
        return Viewers.current().flatMap(viewer -> {
            long rewardId = Ids.parse(input.rewardId(), "input.rewardId");
            int quantity = Check.range(input.quantity(), "input.quantity", "兑换数量", 1, 10);
            String key = IdempotencyKeys.scoped(viewer, input.idempotencyKey());
            String hash = rewardId + "|" + quantity;
            Mono<Redeemed> work = rewards.insertRedemption(key, hash, rewardId, viewer.accountId(), quantity)
                    .flatMap(redemptionId -> findReward(rewardId)
                            .flatMap(reward -> requireBelongs(viewer, reward.communityId()).thenReturn(reward))
                            .flatMap(reward -> redeemFresh(viewer, reward, redemptionId, quantity)))
                    .switchIfEmpty(Mono.defer(() -> replay(viewer, key, hash)));
            return transaction.transactional(work).retryWhen(TransactionRetry.onConflict());
        });
    }

    private Mono<Redeemed> redeemFresh(Viewer viewer, Reward reward, long redemptionId, int quantity) {
        long points = (long) reward.pointsPrice() * quantity;
        Instant expiresAt = Instant.now().plus(Duration.ofDays(reward.voucherValidDays()));
        return rewards.takeStock(reward.id(), quantity)
                .flatMap(taken -> taken ? Mono.just(true) : Mono.error(new LinliException(ErrorCode.OUT_OF_STOCK)))
                .then(Mono.zip(ledger.personAccount(viewer.accountId()), ledger.systemAccount(reward.communityId(), "REDEMPTION")))
                .flatMap(accounts -> ledger.post(new Ledger.Posting("REDEEM", "redeem:" + redemptionId, "redeem:" + redemptionId,
                                reward.communityId(), viewer.accountId(), "兑换 " + reward.title() + " × " + quantity, null,
                                "reward:" + reward.id(),
                                List.of(new Ledger.Leg(accounts.getT1(), -points), new Ledger.Leg(accounts.getT2(), points))))
                        .then(Flux.range(0, quantity)
                                .concatMap(i -> rewards.insertVoucher(redemptionId, reward.id(), viewer.accountId(),
                                        newCode(), reward.pointsPrice(), expiresAt))
                                .then())
                        .thenMany(rewards.vouchersOfRedemption(redemptionId))
                        .concatMap(voucher -> timers.schedule(VOUCHER_EXPIRY, voucher.id(), expiresAt)
                                .then(timers.schedule(VOUCHER_EXPIRY_REMINDER, voucher.id(), expiresAt.minus(Duration.ofDays(3))))
                                .thenReturn(voucher))
                        .collectList()
                        .flatMap(vouchers -> ledger.balance(accounts.getT1())
                                .map(balance -> new Redeemed(vouchers, false, balance))));
    }

    private Mono<Redeemed> replay(Viewer viewer, String key, String hash) {
        return rewards.redemptionByKey(key).flatMap(past -> {
            if (!past.hash().equals(hash)) {
                return Mono.error(new LinliException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        ErrorCode.IDEMPOTENCY_KEY_REUSED.defaultMessage(), Map.of("field", "input.idempotencyKey"), null));
            }
            return Mono.zip(rewards.vouchersOfRedemption(past.id()).collectList(),
                            ledger.personAccount(viewer.accountId()).flatMap(ledger::balance))
                    .map(t -> new Redeemed(t.getT1(), true, t.getT2()));
        });
    }

    /** The supplying merchant marks a voucher used: once, and only its own partner's vouchers. */
    Mono<Voucher> verify(String code) {
        return Viewers.current().flatMap(viewer -> {
            String scanned = code == null ? "" : code.strip();
            // the QR code carries linli:voucher:<code>; a typed code comes bare
            String normalized = (scanned.startsWith(VoucherQrCode.PREFIX) ? scanned.substring(VoucherQrCode.PREFIX.length())
                    : scanned).toUpperCase();
            if (!normalized.matches("[A-Z0-9]{10}")) {
                throw LinliException.invalid("input.code", "券码格式不正确");
            }
            Mono<Voucher> work = partners.membershipOf(viewer.accountId())
                    .switchIfEmpty(Mono.error(LinliException::forbidden))
                    .flatMap(member -> rewards.lockVoucherByCode(normalized)
                            .switchIfEmpty(Mono.error(() -> LinliException.notFound("券")))
                            .flatMap(voucher -> findReward(voucher.rewardId()).flatMap(reward -> {
                                if (reward.partnerId() != member.partnerId()) {
                                    return Mono.error(LinliException.forbidden());
                                }
                                if ("USED".equals(voucher.status())) {
                                    return Mono.error(new LinliException(ErrorCode.VOUCHER_ALREADY_USED));
                                }
                                if (!"ISSUED".equals(voucher.status()) || !voucher.expiresAt().isAfter(Instant.now())) {
                                    return Mono.error(new LinliException(ErrorCode.VOUCHER_NOT_USABLE));
                                }
                                return rewards.closeVoucher(voucher.id(), "USED", viewer.accountId())
                                        .then(settle(voucher, reward))
                                        .then(rewards.lockVoucher(voucher.id()));
                            })));
            return transaction.transactional(work).retryWhen(TransactionRetry.onConflict());
        });
    }

    /** A used voucher's points move from the community's redemption account to the merchant that honoured it. */
    private Mono<Void> settle(Voucher voucher, Reward reward) {
        return Mono.zip(ledger.systemAccount(reward.communityId(), "REDEMPTION"), ledger.partnerAccount(reward.partnerId()))
                .flatMap(accounts -> ledger.post(new Ledger.Posting("VOUCHER_SETTLE", "voucher-settle:" + voucher.id(),
                        "voucher-settle:" + voucher.id(), reward.communityId(), null, "核销：" + reward.title(), null,
                        "voucher:" + voucher.id(),
                        List.of(new Ledger.Leg(accounts.getT1(), -voucher.pointsPaid()),
                                new Ledger.Leg(accounts.getT2(), voucher.pointsPaid())))))
                .then();
    }

    /** The owner gives a voucher back before using it: points and stock return. */
    Mono<Voucher> cancel(String voucherId) {
        return Viewers.current().flatMap(viewer -> {
            long id = Ids.parse(voucherId, "input.voucherId");
            Mono<Voucher> work = rewards.lockVoucher(id)
                    .switchIfEmpty(Mono.error(() -> LinliException.notFound("券")))
                    .flatMap(voucher -> voucher.ownerId() != viewer.accountId() ? Mono.error(LinliException.forbidden())
                            : !"ISSUED".equals(voucher.status()) ? Mono.error(new LinliException(ErrorCode.VOUCHER_NOT_USABLE))
                            : giveBack(voucher, "CANCELLED", "取消兑换，退回积分"))
                    .then(rewards.lockVoucher(id));
            return transaction.transactional(work).retryWhen(TransactionRetry.onConflict());
        });
    }

    /** Timer: three days before an unused voucher expires, its owner is reminded. */
    Mono<Void> remindExpiry(long voucherId) {
        return rewards.lockVoucher(voucherId)
                .filter(voucher -> "ISSUED".equals(voucher.status()))
                .flatMap(voucher -> findReward(voucher.rewardId()).flatMap(reward -> notifications.notify(
                        List.of(voucher.ownerId()), "VOUCHER_EXPIRING", "兑换券即将过期", reward.title() + "，请尽快使用",
                        "pages/timebank/vouchers")));
    }

    /** Timer: an unused voucher past its date expires and returns its points and stock. No-op otherwise. */
    Mono<Void> expire(long voucherId) {
        return rewards.lockVoucher(voucherId)
                .filter(voucher -> "ISSUED".equals(voucher.status()) && !voucher.expiresAt().isAfter(Instant.now()))
                .flatMap(voucher -> giveBack(voucher, "EXPIRED", "券过期未使用，退回积分"));
    }

    private Mono<Void> giveBack(Voucher voucher, String status, String why) {
        return findReward(voucher.rewardId()).flatMap(reward -> rewards.closeVoucher(voucher.id(), status, null)
                .flatMap(closed -> !closed ? Mono.<Void>empty() : rewards.returnStock(reward.id(), 1)
                        .then(Mono.zip(ledger.systemAccount(reward.communityId(), "REDEMPTION"), ledger.personAccount(voucher.ownerId())))
                        .flatMap(accounts -> ledger.post(new Ledger.Posting("VOUCHER_RETURN", "voucher-return:" + voucher.id(),
                                "voucher-return:" + voucher.id(), reward.communityId(), null,
                                why + "：" + reward.title(), null, "voucher:" + voucher.id(),
                                List.of(new Ledger.Leg(accounts.getT1(), -voucher.pointsPaid()),
                                        new Ledger.Leg(accounts.getT2(), voucher.pointsPaid())))))
                        .then()));
    }

    Mono<Reward> findReward(long id) {
        return rewards.rewardsByIds(List.of(id)).next().switchIfEmpty(Mono.error(() -> LinliException.notFound("奖品")));
    }

    /** Points each partner organisation has been settled for honoured vouchers. */
    Mono<Map<Long, Integer>> partnerBalances(java.util.Collection<Long> partnerIds) {
        return ledger.partnerBalances(partnerIds).collectMap(pair -> pair[0], pair -> (int) pair[1])
                .map(found -> {
                    Map<Long, Integer> all = new java.util.HashMap<>(found);
                    partnerIds.forEach(id -> all.putIfAbsent(id, 0));
                    return all;
                });
    }

    Mono<Map<Long, Reward>> rewardsByIds(java.util.Collection<Long> ids) {
        return rewards.rewardsByIds(ids).collectMap(Reward::id);
    }

    /** The catalogue is for the community: its residents, and the partner members who serve it and earn there. */
    private Mono<Void> requireBelongs(Viewer viewer, long communityId) {
        Mono<Boolean> resident = communities.householdsOfAccounts(List.of(viewer.accountId()))
                .map(households -> households.getOrDefault(viewer.accountId(), List.of()).stream()
                        .anyMatch(household -> household.communityId() == communityId));
        Mono<Boolean> serving = partners.membershipOf(viewer.accountId())
                .flatMap(member -> partners.hasValidContract(member.partnerId(), communityId))
                .defaultIfEmpty(false);
        return Mono.zip(resident, serving).flatMap(t -> t.getT1() || t.getT2() ? Mono.<Void>empty()
                : Mono.error(new LinliException(ErrorCode.FORBIDDEN, "只有本社区居民和服务本社区的合伙人可以兑换")));
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
