package cn.linli.timebank;

import java.time.LocalDate;
import java.util.List;

import cn.linli.platform.error.LinliException;
import cn.linli.platform.validation.PlainText;
import cn.linli.platform.validation.Texts;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Inputs and payloads of the reward and voucher API. */
final class RewardInputs {

    record CreateRewardInput(
            String communityId,
            RewardKind kind,
            @NotBlank(message = "请填写奖品名称") @Size(max = 60, message = "奖品名称不能超过 60 个字")
            @PlainText(message = "奖品名称包含无效字符") String title,
            @Nullable @Size(max = 500, message = "说明不能超过 500 个字") @PlainText(message = "说明包含无效字符")
            String description,
            @Min(value = 1, message = "积分价格须在 1 到 100000 之间")
            @Max(value = 100_000, message = "积分价格须在 1 到 100000 之间") int pointsPrice,
            @Min(value = 0, message = "库存须在 0 到 100000 之间") @Max(value = 100_000, message = "库存须在 0 到 100000 之间")
            int stock,
            LocalDate validTo,
            @Min(value = 1, message = "券有效天数须在 1 到 365 之间") @Max(value = 365, message = "券有效天数须在 1 到 365 之间")
            @Nullable Integer voucherValidDays) {

        /** A voucher stays usable 30 days unless the supplier says otherwise. */
        CreateRewardInput {
            title = Texts.strip(title);
            description = Texts.blankToNull(description);
            voucherValidDays = voucherValidDays == null ? 30 : voucherValidDays;
        }

        /**
         * VALIDATION_FAILED unless the reward can still be redeemed on some day: from today in China (the server may
         * run in UTC, eight hours behind) up to three years ahead.
         */
        void requireRedeemablePeriod(LocalDate todayInChina) {
            if (validTo.isBefore(todayInChina)) {
                throw LinliException.invalid("input.validTo", "兑换截止日期不能早于今天");
            }
            if (validTo.isAfter(todayInChina.plusYears(3))) {
                throw LinliException.invalid("input.validTo", "兑换截止日期不能晚于三年之后");
            }
        }

        /** Never null after construction (defaulted above). */
        int validDays() {
            return voucherValidDays == null ? 30 : voucherValidDays;
        }
    }

    record RedeemRewardInput(
            String rewardId,
            @Min(value = 1, message = "兑换数量须在 1 到 10 之间") @Max(value = 10, message = "兑换数量须在 1 到 10 之间")
            int quantity,
            String idempotencyKey) {
    }

    record VerifyVoucherInput(String code) {
    }

    record CancelVoucherInput(String voucherId) {
    }

    record Redeemed(List<Voucher> vouchers, boolean replayed, long balance) {
    }

    private RewardInputs() {
    }
}
