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

/** Inputs of applications, invitations and membership changes: field rules as constraints. */
final class ApplicationInputs {

    record ApplyAsPartnerInput(
            PartnerKind kind,
            @NotBlank(message = "请填写合伙人名称") @Size(max = 60, message = "合伙人名称不能超过 60 个字")
            @PlainText(message = "合伙人名称包含无效字符") String name,
            @Nullable @Size(max = 500, message = "简介不能超过 500 个字") @PlainText(message = "简介包含无效字符")
            String description,
            @Size(min = 1, max = 20, message = "请选择 1 到 20 个服务类别") List<String> categoryCodes,
            @Size(min = 1, max = 10, message = "请选择 1 到 10 个社区") List<String> communityIds,
            @NotBlank(message = "请填写联系人") @Size(max = 30, message = "联系人不能超过 30 个字")
            @PlainText(message = "联系人包含无效字符") String contactName,
            @NotBlank(message = "请填写联系电话") @Pattern(regexp = "[0-9-]{5,20}", message = "电话号码格式不正确")
            String contactPhone,
            @Nullable List<String> licencePhotoIds) {

        ApplyAsPartnerInput {
            name = Texts.strip(name);
            description = Texts.blankToNull(description);
            contactName = Texts.strip(contactName);
            contactPhone = Texts.strip(contactPhone);
        }
    }

    record WithdrawPartnerApplicationInput(String applicationId) {
    }

    record ApprovePartnerApplicationInput(
            String applicationId,
            String communityId,
            LocalDate validFrom,
            LocalDate validTo,
            @Min(value = 1, message = "同时接单上限须在 1 到 1000 之间")
            @Max(value = 1000, message = "同时接单上限须在 1 到 1000 之间") int capacity) {

        ContractPeriod period() {
            return new ContractPeriod(validFrom, validTo).check(ContractPeriod.today());
        }
    }

    record RejectPartnerApplicationInput(
            String applicationId,
            String communityId,
            @NotBlank(message = "请填写拒绝理由") @Size(max = 200, message = "拒绝理由不能超过 200 个字")
            @PlainText(message = "拒绝理由包含无效字符") String reason) {

        RejectPartnerApplicationInput {
            reason = Texts.strip(reason);
        }
    }

    record AnswerPartnerInvitationInput(String invitationId) {
    }

    record LeavePartnerInput(String partnerId) {
    }

    record RemovePartnerMemberInput(String partnerId, String accountId) {
    }

    private ApplicationInputs() {
    }
}
