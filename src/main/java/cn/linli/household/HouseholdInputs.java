package cn.linli.household;

import cn.linli.platform.validation.PlainText;
import cn.linli.platform.validation.Texts;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Inputs of the verification and membership mutations, validated ({@code @Valid}) with the messages people see. */
final class HouseholdInputs {

    record RequestHouseholdVerificationInput(
            String householdId,
            @NotNull(message = "请选择与该户的关系") HouseholdRelation relation,
            @NotBlank(message = "请填写真实姓名") @Size(max = 32, message = "姓名不能超过 32 个字")
            @PlainText(message = "姓名包含无效字符") String realName,
            @Nullable String proofPhotoId) {

        RequestHouseholdVerificationInput {
            realName = Texts.strip(realName);
        }
    }

    record VerificationRequestIdInput(String requestId) {
    }

    record RejectVerificationRequestInput(
            String requestId,
            @NotBlank(message = "请填写驳回原因") @Size(max = 200, message = "驳回原因不能超过 200 个字")
            @PlainText(message = "驳回原因包含无效字符") String reason) {

        RejectVerificationRequestInput {
            reason = Texts.strip(reason);
        }
    }

    record HouseholdMemberInput(String householdId, String accountId) {
    }

    record HandOverHouseholdHeadInput(String householdId, String toAccountId) {
    }

    record LeaveHouseholdInput(String householdId) {
    }

    private HouseholdInputs() {
    }
}
