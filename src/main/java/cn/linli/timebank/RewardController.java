package cn.linli.timebank;

import java.util.List;
import java.util.Map;

import cn.linli.partner.Partner;
import cn.linli.partner.PartnerService;
import cn.linli.platform.graphql.Batches;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.security.Viewer;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL mappings of rewards and vouchers. */
@Controller
class RewardController {

    private final RewardService catalogue;
    private final RedemptionService redemptions;
    private final VoucherService vouchers;
    private final PartnerService partners;

    RewardController(RewardService catalogue, RedemptionService redemptions, VoucherService vouchers,
                     PartnerService partners) {
        this.catalogue = catalogue;
        this.redemptions = redemptions;
        this.vouchers = vouchers;
        this.partners = partners;
    }

    @QueryMapping
    Mono<Connection<Reward>> rewards(@Argument String communityId, @Argument @Nullable RewardKind kind,
                                     @Argument @Nullable Integer first, @Argument @Nullable String after, Viewer viewer) {
        return catalogue.rewards(communityId, kind, first, after);
    }

    @QueryMapping
    Mono<List<Voucher>> myVouchers(@Argument @Nullable VoucherStatus status, Viewer viewer) {
        return vouchers.myVouchers(viewer, status);
    }

    @MutationMapping
    Mono<Reward> createReward(@Argument @Valid RewardInputs.CreateRewardInput input, Viewer viewer) {
        return catalogue.createReward(viewer, input);
    }

    @MutationMapping
    Mono<RewardInputs.Redeemed> redeemReward(@Argument @Valid RewardInputs.RedeemRewardInput input, Viewer viewer) {
        return redemptions.redeem(viewer, input);
    }

    @MutationMapping
    Mono<Voucher> verifyVoucher(@Argument RewardInputs.VerifyVoucherInput input, Viewer viewer) {
        return vouchers.verify(viewer, input.code());
    }

    @MutationMapping
    Mono<Voucher> cancelVoucher(@Argument RewardInputs.CancelVoucherInput input, Viewer viewer) {
        return vouchers.cancel(viewer, input.voucherId());
    }

    @BatchMapping(typeName = "Reward", field = "supplier")
    Mono<Map<Reward, Partner>> supplierOfReward(List<Reward> rewards) {
        return Batches.one(rewards, Reward::partnerId, partners::partnersByIds);
    }

    /** Only the owner ever sees a voucher (myVouchers, redeemReward), so its QR code is theirs to show. */
    @SchemaMapping(typeName = "Voucher", field = "qrCodeDataUrl")
    String qrCodeDataUrl(Voucher voucher) {
        return VoucherQrCode.dataUrl(voucher.code());
    }

    @BatchMapping(typeName = "Partner", field = "timeBankPoints")
    Mono<Map<Partner, Integer>> timeBankPointsOfPartner(List<Partner> list) {
        return Batches.one(list, Partner::id, catalogue::partnerBalances);
    }

    @BatchMapping(typeName = "Voucher", field = "reward")
    Mono<Map<Voucher, Reward>> rewardOfVoucher(List<Voucher> list) {
        return Batches.one(list, Voucher::rewardId, catalogue::rewardsByIds);
    }
}
