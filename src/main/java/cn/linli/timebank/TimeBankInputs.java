package cn.linli.timebank;

import java.util.List;

import cn.linli.platform.validation.PlainText;
import cn.linli.platform.validation.Texts;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Inputs and views of the time-bank API. */
final class TimeBankInputs {

    static final String POINTS_RANGE = "积分须在 1 到 100000 之间";

    record GrantPointsInput(
            String communityId,
            String accountId,
            @Min(value = 1, message = POINTS_RANGE) @Max(value = 100_000, message = POINTS_RANGE) int points,
            @NotBlank(message = "请填写发放原因") @Size(max = 200, message = "发放原因不能超过 200 个字")
            @PlainText(message = "发放原因包含无效字符") String reason,
            String idempotencyKey) {

        GrantPointsInput {
            reason = Texts.strip(reason);
        }
    }

    record TransferPointsInput(
            String toAccountId,
            @Min(value = 1, message = POINTS_RANGE) @Max(value = 100_000, message = POINTS_RANGE) int points,
            @Nullable @Size(max = 100, message = "留言不能超过 100 个字") @PlainText(message = "留言包含无效字符") String note,
            String idempotencyKey) {

        TransferPointsInput {
            note = Texts.blankToNull(note);
        }
    }

    record DonatePointsInput(
            String communityId,
            @Min(value = 1, message = POINTS_RANGE) @Max(value = 100_000, message = POINTS_RANGE) int points,
            String idempotencyKey) {
    }

    record SetTimeBankRulesInput(
            String communityId,
            @Min(value = 1, message = "每小时积分须在 1 到 1000 之间")
            @Max(value = 1000, message = "每小时积分须在 1 到 1000 之间") int pointsPerHour,
            @Nullable @Min(value = 1, message = "积分存储上限须在 1 到 10000000 之间")
            @Max(value = 10_000_000, message = "积分存储上限须在 1 到 10000000 之间") Integer storageCap,
            @Nullable @Min(value = 1, message = "积分有效期（月）须在 1 到 120 之间")
            @Max(value = 120, message = "积分有效期（月）须在 1 到 120 之间") Integer expiryMonths) {
    }

    /** The viewer's time bank: {@code accountId} is the ledger account, statement resolved separately. */
    record TimeBankView(long ledgerAccountId, long balance, long pendingHolds) {
    }

    record TimeBankRulesView(String communityId, int pointsPerHour, @Nullable Integer storageCap,
                             @Nullable Integer expiryMonths) {

        static TimeBankRulesView of(String communityId, TimeBankRepository.Rules rules) {
            return new TimeBankRulesView(communityId, rules.pointsPerHour(), rules.storageCap(), rules.expiryMonths());
        }
    }

    record PointsMovement(String transactionId, boolean replayed, long balance) {
    }

    record ReconciliationView(boolean balanced, int accountsChecked, int transactionsChecked, long issuedInCommunity,
                              List<String> breaks) {
    }

    record LeaderboardEntry(int rank, String accountId, @Nullable String nickname, long minutes, double hours) {
    }

    private TimeBankInputs() {
    }
}
