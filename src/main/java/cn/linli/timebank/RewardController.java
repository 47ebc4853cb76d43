package cn.linli.timebank;

import java.util.List;
import java.util.Map;

import cn.linli.partner.Partner;
import cn.linli.partner.PartnerService;
import cn.linli.platform.graphql.Batches;
import cn.linli.platform.pagination.Connection;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL mappings of rewards and vouchers. */
@Controller
class RewardController {

    private final RewardService service;
    private final PartnerService partners;

    RewardController(RewardService service, PartnerService partners) {
        this.service = service;
        this.partners = partners;
    }

    record VerifyVoucherInput(String code) {
    }

    record CancelVoucherInput(String voucherId) {
    }

    @QueryMapping
    Mono<Connection<Reward>> rewards(@Argument String communityId, @Argument @Nullable String kind,
                                     @Argument @Nullable Integer first, @Argument @Nullable String after) {
        return service.rewards(communityId, kind, first, after);
    }

    @QueryMapping
    Mono<List<Voucher>> myVouchers(@Argument @Nullable String status) {
        return service.myVouchers(status);
    }

    @MutationMapping
    Mono<Reward> createReward(@Argument RewardService.CreateRewardInput input) {
        return service.createReward(input);
    }

    @MutationMapping
    Mono<RewardService.Redeemed> redeemReward(@Argument RewardService.RedeemRewardInput input) {
        return service.redeem(input);
    }

    @MutationMapping
    Mono<Voucher> verifyVoucher(@Argument VerifyVoucherInput input) {
        return service.verify(input.code());
    }

    @MutationMapping
    Mono<Voucher> cancelVoucher(@Argument CancelVoucherInput input) {
        return service.cancel(input.voucherId());
    }

    @BatchMapping(typeName = "Reward", field = "supplier")
    Mono<Map<Reward, Partner>> supplierOfReward(List<Reward> rewards) {
        return Batches.one(rewards, Reward::partnerId, partners::partnersByIds);
    }

    /** Only the owner ever sees a voucher (myVouchers, redeemReward), so its QR code is theirs to show. */
    @org.springframework.graphql.data.method.annotation.SchemaMapping(typeName = "Voucher", field = "qrCodeDataUrl")
    String qrCodeDataUrl(Voucher voucher) {
        return VoucherQrCode.dataUrl(voucher.code());
    }

    @BatchMapping(typeName = "Partner", field = "timeBankPoints")
    Mono<Map<Partner, Integer>> timeBankPointsOfPartner(List<Partner> list) {
        return Batches.one(list, Partner::id, service::partnerBalances);
    }

    @BatchMapping(typeName = "Voucher", field = "reward")
    Mono<Map<Voucher, Reward>> rewardOfVoucher(List<Voucher> vouchers) {
        return Batches.one(vouchers, Voucher::rewardId, service::rewardsByIds);
    }
}
