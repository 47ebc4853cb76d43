package cn.linli.timebank;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The reward catalogue partners supply to the communities they serve, and what partners were settled for it.
 * Redeeming is {@link RedemptionService}; vouchers are {@link VoucherService}.
 */
@Service
public class RewardService {

    private final RewardRepository rewards;
    private final Ledger ledger;
    private final TimeBankAccess access;

    RewardService(RewardRepository rewards, Ledger ledger, TimeBankAccess access) {
        this.rewards = rewards;
        this.ledger = ledger;
        this.access = access;
    }

    /** Partner admins supply a reward to a community their partner holds a valid contract with. */
    Mono<Reward> createReward(Viewer viewer, RewardInputs.CreateRewardInput input) {
        return Mono.defer(() -> {
            long community = Ids.parse(input.communityId(), "input.communityId");
            input.requireRedeemablePeriod(LocalDate.now(ZoneId.of("Asia/Shanghai")));
            return access.supplierFor(viewer, community)
                    .flatMap(partner -> rewards.insertReward(community, partner, input))
                    .flatMap(this::findReward);
        });
    }

    Mono<Connection<Reward>> rewards(String communityId, @Nullable RewardKind kind, @Nullable Integer first,
                                     @Nullable String after) {
        return Mono.defer(() -> {
            long community = Ids.parse(communityId, "communityId");
            PageRequest page = PageRequest.of(first, after);
            return rewards.available(community, kind, page).collectList()
                    .map(rows -> Connection.of(rows, page, Reward::position));
        });
    }

    Mono<Reward> findReward(long id) {
        return rewards.rewardsByIds(List.of(id)).next().switchIfEmpty(Mono.error(() -> LinliException.notFound("奖品")));
    }

    Mono<Map<Long, Reward>> rewardsByIds(Collection<Long> ids) {
        return rewards.rewardsByIds(ids).collectMap(Reward::id);
    }

    /** Points each partner organisation has been settled for honoured vouchers (0 without an account yet). */
    Mono<Map<Long, Integer>> partnerBalances(Collection<Long> partnerIds) {
        return ledger.partnerBalances(partnerIds)
                .collectMap(LedgerRepository.PartnerBalance::partnerId, balance -> (int) balance.balance())
                .map(found -> {
                    Map<Long, Integer> all = new HashMap<>(found);
                    partnerIds.forEach(id -> all.putIfAbsent(id, 0));
                    return all;
                });
    }
}
