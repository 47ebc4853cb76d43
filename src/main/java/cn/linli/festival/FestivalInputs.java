package cn.linli.festival;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Inputs of the festival mutations. */
final class FestivalInputs {

    record ItemNeedInput(String name, String unit, int quantity) {
    }

    record VolunteerRoleInput(String name, int count, int pointsReward) {
    }

    record CreateCampaignInput(String communityId, String theme, LocalDate festivalDate, String mainVenue,
                               @Nullable List<String> branchVenues, @Nullable String description,
                               @Nullable String coverPhotoId, Instant deadline, long moneyGoalFen, String fundingRule,
                               @Nullable String matchingSponsor, @Nullable Long matchingCapFen,
                               @Nullable List<ItemNeedInput> itemNeeds, @Nullable List<VolunteerRoleInput> volunteerRoles) {
    }

    record PledgeItemsInput(String campaignId, String needId, int quantity, String contributorKind, boolean anonymous,
                            @Nullable String message, String idempotencyKey) {
    }

    record PledgeMoneyInput(String campaignId, long amountFen, String contributorKind, boolean anonymous,
                            @Nullable String message, String idempotencyKey) {
    }

    record SignUpVolunteerInput(String campaignId, String roleId) {
    }

    record RecordAttendanceInput(String pledgeId, int minutes) {
    }

    record RecordOfflineContributionInput(String campaignId, String contributorKind, String contributorName,
                                          long amountFen, String receiptPhotoId, @Nullable String note) {
    }

    record RecordExpenseInput(String campaignId, String category, long amountFen, String receiptPhotoId,
                              @Nullable String note) {
    }

    private FestivalInputs() {
    }
}
