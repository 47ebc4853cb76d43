package cn.linli.festival;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.linli.platform.validation.PlainText;
import cn.linli.platform.validation.Texts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Inputs of the festival mutations, validated ({@code @Valid}) with the messages residents and staff see. */
final class FestivalInputs {

    record ItemNeedInput(
            @NotBlank(message = "请填写物资名称") @Size(max = 40, message = "物资名称不能超过 40 个字")
            @PlainText(message = "物资名称包含无效字符") String name,
            @NotBlank(message = "请填写单位") @Size(max = 10, message = "单位不能超过 10 个字")
            @PlainText(message = "单位包含无效字符") String unit,
            @Min(value = 1, message = "所需数量须在 1 到 100000 之间")
            @Max(value = 100_000, message = "所需数量须在 1 到 100000 之间") int quantity) {

        ItemNeedInput {
            name = Texts.strip(name);
            unit = Texts.strip(unit);
        }
    }

    record VolunteerRoleInput(
            @NotBlank(message = "请填写志愿岗位") @Size(max = 40, message = "志愿岗位不能超过 40 个字")
            @PlainText(message = "志愿岗位包含无效字符") String name,
            @Min(value = 1, message = "岗位人数须在 1 到 10000 之间")
            @Max(value = 10_000, message = "岗位人数须在 1 到 10000 之间") int count,
            @Min(value = 0, message = "积分奖励须在 0 到 10000 之间")
            @Max(value = 10_000, message = "积分奖励须在 0 到 10000 之间") int pointsReward) {

        VolunteerRoleInput {
            name = Texts.strip(name);
        }
    }

    record CreateCampaignInput(
            String communityId,
            @NotBlank(message = "请填写主题") @Size(max = 60, message = "主题不能超过 60 个字")
            @PlainText(message = "主题包含无效字符") String theme,
            LocalDate festivalDate,
            @NotBlank(message = "请填写主会场") @Size(max = 100, message = "主会场不能超过 100 个字")
            @PlainText(message = "主会场包含无效字符") String mainVenue,
            @Size(max = 10, message = "分会场最多 10 个")
            List<@NotBlank(message = "请填写分会场") @Size(max = 100, message = "分会场不能超过 100 个字")
                 @PlainText(message = "分会场包含无效字符") String> branchVenues,
            @Nullable @Size(max = 2000, message = "活动介绍不能超过 2000 个字")
            @PlainText(message = "活动介绍包含无效字符") String description,
            @Nullable String coverPhotoId,
            @Future(message = "截止时间须在未来") Instant deadline,
            @Min(value = 0, message = "筹款目标金额无效") @Max(value = 100_000_000L, message = "筹款目标金额无效")
            long moneyGoalFen,
            FundingRule fundingRule,
            @Nullable @Size(max = 60, message = "配捐方不能超过 60 个字")
            @PlainText(message = "配捐方包含无效字符") String matchingSponsor,
            @Nullable @Positive(message = "配捐须同时填写配捐方和上限") Long matchingCapFen,
            @Size(max = 50, message = "所需物资最多 50 项") List<@Valid ItemNeedInput> itemNeeds,
            @Size(max = 20, message = "志愿岗位最多 20 个") List<@Valid VolunteerRoleInput> volunteerRoles) {

        CreateCampaignInput {
            theme = Texts.strip(theme);
            mainVenue = Texts.strip(mainVenue);
            branchVenues = branchVenues == null ? List.of() : branchVenues.stream().map(Texts::strip).toList();
            description = Texts.blankToNull(description);
            matchingSponsor = Texts.blankToNull(matchingSponsor);
            itemNeeds = itemNeeds == null ? List.of() : itemNeeds;
            volunteerRoles = volunteerRoles == null ? List.of() : volunteerRoles;
        }

        /** A sponsor matches up to a cap: both or neither. */
        boolean matchingTermsComplete() {
            return (matchingSponsor == null) == (matchingCapFen == null);
        }
    }

    record PledgeItemsInput(
            String campaignId,
            String needId,
            @Min(value = 1, message = "认捐数量须在 1 到 100000 之间")
            @Max(value = 100_000, message = "认捐数量须在 1 到 100000 之间") int quantity,
            ContributorKind contributorKind,
            boolean anonymous,
            @Nullable @Size(max = 200, message = "留言不能超过 200 个字") @PlainText(message = "留言包含无效字符")
            String message,
            String idempotencyKey) {

        PledgeItemsInput {
            message = Texts.blankToNull(message);
        }
    }

    record PledgeMoneyInput(
            String campaignId,
            @Min(value = 1, message = "单笔捐款须在 0.01 元到 5 万元之间")
            @Max(value = 5_000_000, message = "单笔捐款须在 0.01 元到 5 万元之间") long amountFen,
            ContributorKind contributorKind,
            boolean anonymous,
            @Nullable @Size(max = 200, message = "留言不能超过 200 个字") @PlainText(message = "留言包含无效字符")
            String message,
            String idempotencyKey) {

        PledgeMoneyInput {
            message = Texts.blankToNull(message);
        }
    }

    record SignUpVolunteerInput(String campaignId, String roleId) {
    }

    record RecordAttendanceInput(
            String pledgeId,
            @Min(value = 1, message = "服务时长（分钟）须在 1 到 1440 之间")
            @Max(value = 1440, message = "服务时长（分钟）须在 1 到 1440 之间") int minutes) {
    }

    record RecordOfflineContributionInput(
            String campaignId,
            ContributorKind contributorKind,
            @NotBlank(message = "请填写出资方") @Size(max = 60, message = "出资方不能超过 60 个字")
            @PlainText(message = "出资方包含无效字符") String contributorName,
            @Min(value = 1, message = "金额无效") @Max(value = 100_000_000L, message = "金额无效") long amountFen,
            String receiptPhotoId,
            @Nullable @Size(max = 200, message = "备注不能超过 200 个字") @PlainText(message = "备注包含无效字符")
            String note) {

        RecordOfflineContributionInput {
            contributorName = Texts.strip(contributorName);
            note = Texts.blankToNull(note);
        }
    }

    record RecordExpenseInput(
            String campaignId,
            @NotBlank(message = "请填写支出类别") @Size(max = 30, message = "支出类别不能超过 30 个字")
            @PlainText(message = "支出类别包含无效字符") String category,
            @Min(value = 1, message = "金额无效") @Max(value = 100_000_000L, message = "金额无效") long amountFen,
            String receiptPhotoId,
            @Nullable @Size(max = 200, message = "备注不能超过 200 个字") @PlainText(message = "备注包含无效字符")
            String note) {

        RecordExpenseInput {
            category = Texts.strip(category);
            note = Texts.blankToNull(note);
        }
    }

    record CampaignIdInput(String campaignId) {
    }

    record PledgeIdInput(String pledgeId) {
    }

    record ExpenseIdInput(String expenseId) {
    }

    private FestivalInputs() {
    }
}
