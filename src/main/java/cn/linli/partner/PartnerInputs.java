package cn.linli.partner;

import java.time.LocalDate;
import java.util.List;

import cn.linli.platform.validation.PlainText;
import cn.linli.platform.validation.Texts;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Inputs of the partner mutations: field rules as constraints; rules across fields as methods the services call. */
final class PartnerInputs {

    record OnboardPartnerInput(
            String communityId,
            @NotBlank(message = "请填写合伙人名称") @Size(max = 60, message = "合伙人名称不能超过 60 个字")
            @PlainText(message = "合伙人名称包含无效字符") String name,
            PartnerKind kind,
            @Nullable @Size(max = 500, message = "简介不能超过 500 个字") @PlainText(message = "简介包含无效字符")
            String description,
            @Nullable @Pattern(regexp = "[0-9-]{5,20}", message = "电话号码格式不正确") String contactPhone,
            @Size(min = 1, max = 20, message = "请选择 1 到 20 个服务类别") List<String> categoryCodes,
            @Min(value = 1, message = "同时接单上限须在 1 到 1000 之间")
            @Max(value = 1000, message = "同时接单上限须在 1 到 1000 之间") int capacity,
            LocalDate validFrom,
            LocalDate validTo,
            @Nullable String adminAccountId) {

        OnboardPartnerInput {
            name = Texts.strip(name);
            description = Texts.blankToNull(description);
            contactPhone = Texts.blankToNull(contactPhone);
        }

        /** The contract period, checked against today (see {@link ContractPeriod#check}). */
        ContractPeriod period() {
            return new ContractPeriod(validFrom, validTo).check(ContractPeriod.today());
        }
    }

    record AddPartnerMemberInput(String partnerId, String accountId, MemberRole role) {
    }

    record SetPartnerOnlineInput(boolean online) {
    }

    record CreateOfferingInput(
            String categoryCode,
            @NotBlank(message = "请填写服务名称") @Size(max = 60, message = "服务名称不能超过 60 个字")
            @PlainText(message = "服务名称包含无效字符") String title,
            @Nullable @Size(max = 1000, message = "服务说明不能超过 1000 个字") @PlainText(message = "服务说明包含无效字符")
            String description,
            PriceKind priceKind,
            @Nullable Integer pricePoints,
            @Nullable Integer priceFen,
            @Min(value = 1, message = "预计时长（分钟）须在 1 到 1440 之间")
            @Max(value = 1440, message = "预计时长（分钟）须在 1 到 1440 之间") int estimatedMinutes) {

        CreateOfferingInput {
            title = Texts.strip(title);
            description = Texts.blankToNull(description);
        }

        /** The price fields checked against the kind (see {@link PriceKind#price}). */
        PriceKind.Price price() {
            return priceKind.price(pricePoints, priceFen);
        }
    }

    record UpdateOfferingInput(
            String offeringId,
            @Nullable @Size(max = 60, message = "服务名称不能超过 60 个字") @PlainText(message = "服务名称包含无效字符")
            String title,
            @Nullable @Size(max = 1000, message = "服务说明不能超过 1000 个字") @PlainText(message = "服务说明包含无效字符")
            String description,
            @Nullable @Min(value = 1, message = "预计时长（分钟）须在 1 到 1440 之间")
            @Max(value = 1440, message = "预计时长（分钟）须在 1 到 1440 之间") Integer estimatedMinutes,
            @Nullable Boolean active) {

        UpdateOfferingInput {
            title = Texts.blankToNull(title);
            description = Texts.blankToNull(description);
        }
    }

    private PartnerInputs() {
    }
}
