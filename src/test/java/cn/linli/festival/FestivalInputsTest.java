package cn.linli.festival;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bean Validation of the festival inputs: the fields and Chinese messages residents and staff see. */
class FestivalInputsTest {

    private static final jakarta.validation.ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    /** Violations by property path (as GraphQlErrors reports them, after {@code input.}). */
    private static Map<String, String> violations(Object input) {
        Set<ConstraintViolation<Object>> found = VALIDATOR.validate(input);
        Map<String, String> byField = new TreeMap<>();
        found.forEach(v -> byField.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a + " / " + b));
        return byField;
    }

    private static FestivalInputs.CreateCampaignInput campaign(String theme, List<String> branches, long goalFen,
                                                              Instant deadline, Long capFen) {
        return new FestivalInputs.CreateCampaignInput("1", theme, LocalDate.parse("2030-12-21"), " 锦城社区广场 ", branches,
                "  ", null, deadline, goalFen, FundingRule.ALL_OR_NOTHING, " ", capFen,
                List.of(new FestivalInputs.ItemNeedInput("折叠椅", "把", 0)),
                List.of(new FestivalInputs.VolunteerRoleInput("签到引导", 1, 10_001)));
    }

    @Test
    void aValidCampaignIsNormalised() {
        var input = new FestivalInputs.CreateCampaignInput("1", " 冬至饺子宴 ", LocalDate.parse("2030-12-21"), "广场",
                null, " ", null, Instant.now().plusSeconds(3600), 100_000, FundingRule.KEEP_WHAT_YOU_RAISE, null, null,
                null, null);
        assertThat(violations(input)).isEmpty();
        assertThat(input.theme()).isEqualTo("冬至饺子宴");
        assertThat(input.description()).isNull();
        assertThat(input.branchVenues()).isEmpty();
        assertThat(input.itemNeeds()).isEmpty();
        assertThat(input.volunteerRoles()).isEmpty();
        assertThat(input.matchingTermsComplete()).isTrue();
    }

    @Test
    void aCampaignNamesEveryBadField() {
        var input = campaign(" ", Collections.nCopies(11, "活动室"), -1, Instant.now().minusSeconds(1), 0L);
        Map<String, String> found = violations(input);
        assertThat(found).containsEntry("theme", "请填写主题")
                .containsEntry("branchVenues", "分会场最多 10 个")
                .containsEntry("moneyGoalFen", "筹款目标金额无效")
                .containsEntry("deadline", "截止时间须在未来")
                .containsEntry("matchingCapFen", "配捐须同时填写配捐方和上限")
                .containsEntry("itemNeeds[0].quantity", "所需数量须在 1 到 100000 之间")
                .containsEntry("volunteerRoles[0].pointsReward", "积分奖励须在 0 到 10000 之间");
        assertThat(input.matchingSponsor()).as("blank sponsor is none").isNull();
        assertThat(input.matchingTermsComplete()).isFalse();
        assertThat(violations(campaign("冬".repeat(61), List.of("a\u0007"), 0, Instant.now().plusSeconds(60), null)))
                .containsEntry("theme", "主题不能超过 60 个字")
                .containsEntry("branchVenues[0].<list element>", "分会场包含无效字符");
    }

    @Test
    void moneyPledgesAreBetweenOneFenAndFiftyThousandYuan() {
        for (long amount : List.of(0L, -5L, 5_000_001L)) {
            assertThat(violations(new FestivalInputs.PledgeMoneyInput("1", amount, ContributorKind.RESIDENT, false, null,
                    "key-12345"))).containsExactly(Map.entry("amountFen", "单笔捐款须在 0.01 元到 5 万元之间"));
        }
        var fine = new FestivalInputs.PledgeMoneyInput("1", 5_000_000, ContributorKind.RESIDENT, false, "  ", "key-12345");
        assertThat(violations(fine)).isEmpty();
        assertThat(fine.message()).isNull();
        assertThat(violations(new FestivalInputs.PledgeMoneyInput("1", 1, ContributorKind.RESIDENT, false, "留".repeat(201),
                "key-12345"))).containsExactly(Map.entry("message", "留言不能超过 200 个字"));
    }

    @Test
    void itemsAttendanceOfflineMoneyAndExpensesKeepTheirMessages() {
        assertThat(violations(new FestivalInputs.PledgeItemsInput("1", "2", 100_001, ContributorKind.RESIDENT, false, null,
                "key-12345"))).containsExactly(Map.entry("quantity", "认捐数量须在 1 到 100000 之间"));
        assertThat(violations(new FestivalInputs.RecordAttendanceInput("1", 0)))
                .containsExactly(Map.entry("minutes", "服务时长（分钟）须在 1 到 1440 之间"));
        assertThat(violations(new FestivalInputs.RecordOfflineContributionInput("1", ContributorKind.GOVERNMENT, " ", 0,
                "3", null))).containsEntry("contributorName", "请填写出资方").containsEntry("amountFen", "金额无效");
        assertThat(violations(new FestivalInputs.RecordExpenseInput("1", "类".repeat(31), 100_000_001L, "3", "备注")))
                .containsEntry("category", "支出类别不能超过 30 个字").containsEntry("amountFen", "金额无效");
    }
}
