package cn.linli.festival;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The rows and views of the festival feature. */
final class FestivalRecords {

    record ItemNeed(long id, long campaignId, String name, String unit, int quantityNeeded, int quantityPledged,
                    int quantityReceived) {

        /** Pledges are taken against what is still needed, never more. */
        int stillNeeded() {
            return quantityNeeded - quantityPledged;
        }

        boolean covered() {
            return quantityPledged >= quantityNeeded;
        }
    }

    record VolunteerRole(long id, long campaignId, String name, int count, int signedUp, int pointsReward) {
    }

    record Pledge(long id, long campaignId, PledgeKind kind, @Nullable Long accountId, ContributorKind contributorKind,
                  @Nullable String contributorName, boolean anonymous, @Nullable String message,
                  @Nullable Long amountFen, @Nullable Long needId, @Nullable Integer quantity, @Nullable Long roleId,
                  PledgeStatus status, @Nullable Long receiptPhotoId, @Nullable String requestHash, Instant createdAt) {
    }

    /** An expense; its receipt is a photo, whose URL is signed for each reader ({@code CampaignExpense.receiptUrl}). */
    record Expense(long id, long campaignId, String category, long amountFen, long receiptPhotoId, @Nullable String note,
                   long recordedBy, ExpenseStatus status, @Nullable Long approvedBy, Instant createdAt) {
    }

    /** Live progress of a campaign. */
    record Progress(long moneyRaisedFen, long matchedFen, long totalFen, long moneyGoalFen, int supporters,
                    List<ItemNeed> items, List<VolunteerRole> volunteers, List<KindTotal> byContributorKind,
                    List<WallEntry> supportersWall) {
    }

    record KindTotal(ContributorKind contributorKind, long moneyFen, int pledges) {
    }

    /** A line of the supporters wall; anonymous pledges show no name. */
    record WallEntry(@Nullable String name, PledgeKind kind, ContributorKind contributorKind, @Nullable Long amountFen,
                     @Nullable String what, @Nullable String message, Instant at) {
    }

    /** The public ledger: what came in, what went out, and what is left. */
    record Ledger(long incomeFen, long expensesFen, long pendingExpensesFen, long balanceFen, List<LedgerIncome> income,
                  List<Expense> expenses) {
    }

    record LedgerIncome(String source, ContributorKind contributorKind, long amountFen, Instant at) {
    }

    private FestivalRecords() {
    }
}
