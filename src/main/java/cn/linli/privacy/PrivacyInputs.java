package cn.linli.privacy;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** Input records of the privacy mutations. */
final class PrivacyInputs {

    record AcceptPrivacyPolicyInput(@Min(value = 1, message = "隐私政策版本无效") int version) {
    }

    record RequestAccountDeletionInput(boolean confirm) {
    }

    record CancelAccountDeletionInput(@NotBlank(message = "请指定注销申请") String deletionId) {
    }

    private PrivacyInputs() {
    }
}
