package cn.linli.timebank;

import org.jspecify.annotations.Nullable;

/** Inputs and views of the time-bank API. */
final class TimeBankInputs {

    record GrantPointsInput(String communityId, String accountId, int points, String reason, String idempotencyKey) {
    }

    record TransferPointsInput(String toAccountId, int points, @Nullable String note, String idempotencyKey) {
    }

    record DonatePointsInput(String communityId, int points, String idempotencyKey) {
    }

    record SetTimeBankRulesInput(String communityId, int pointsPerHour, @Nullable Integer storageCap,
                                 @Nullable Integer expiryMonths) {
    }

    /** The viewer's time bank: {@code accountId} is the ledger account, statement resolved separately. */
    record TimeBankView(long ledgerAccountId, long balance, long pendingHolds) {
    }

    record TimeBankRulesView(String communityId, int pointsPerHour, @Nullable Integer storageCap,
                             @Nullable Integer expiryMonths) {
    }

    record PointsMovement(String transactionId, boolean replayed, long balance) {
    }

    record ReconciliationView(boolean balanced, int accountsChecked, int transactionsChecked, long issuedInCommunity,
                              java.util.List<String> breaks) {
    }

    record LeaderboardEntry(int rank, String accountId, @Nullable String nickname, long minutes, double hours) {
    }

    private TimeBankInputs() {
    }
}
