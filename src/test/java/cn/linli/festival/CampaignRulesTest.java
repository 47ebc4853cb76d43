package cn.linli.festival;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.linli.festival.FestivalInputs.CreateCampaignInput;
import cn.linli.platform.error.LinliException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cross-field rules of a new campaign, and each one's violation. */
class CampaignRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    private static CreateCampaignInput campaign(String festivalDate, Instant deadline, long goalFen,
                                                @Nullable String sponsor, @Nullable Long capFen, int items) {
        List<FestivalInputs.ItemNeedInput> needs = java.util.stream.IntStream.range(0, items)
                .mapToObj(i -> new FestivalInputs.ItemNeedInput("椅子" + i, "把", 1)).toList();
        return new CreateCampaignInput("1", "冬至", LocalDate.parse(festivalDate), "广场", null, null, null, deadline,
                goalFen, FundingRule.ALL_OR_NOTHING, sponsor, capFen, needs, null);
    }

    private static void refused(CreateCampaignInput input, String field) {
        assertThatThrownBy(() -> CampaignRules.check(input, NOW)).isInstanceOfSatisfying(LinliException.class,
                e -> assertThat(e.extensions()).containsEntry("code", "VALIDATION_FAILED").containsEntry("field", field));
    }

    @Test
    void aSensibleCampaignPasses() {
        assertThatCode(() -> CampaignRules.check(campaign("2026-12-21", NOW.plus(Duration.ofDays(10)), 100_000,
                "街道", 50_000L, 0), NOW)).doesNotThrowAnyException();
        // the festival may be on the deadline's own day (China time): 2026-12-20T15:00Z is 23:00 on the 20th there
        assertThatCode(() -> CampaignRules.check(campaign("2026-12-20", Instant.parse("2026-12-20T15:00:00Z"), 100_000,
                null, null, 0), NOW)).doesNotThrowAnyException();
        // items only: no money goal needed
        assertThatCode(() -> CampaignRules.check(campaign("2026-12-21", NOW.plus(Duration.ofDays(10)), 0, null, null,
                2), NOW)).doesNotThrowAnyException();
    }

    @Test
    void aFestivalBeforeItsDeadlineIsRefused() {
        // 2026-12-20T16:30Z is already the 21st in China
        refused(campaign("2026-12-20", Instant.parse("2026-12-20T16:30:00Z"), 100_000, null, null, 0),
                "input.festivalDate");
    }

    @Test
    void aDeadlineMoreThanAYearAwayIsRefused() {
        refused(campaign("+99999-01-01", Instant.parse("+99999-01-01T00:00:00Z"), 100_000, null, null, 0),
                "input.deadline");
        refused(campaign("2028-12-21", NOW.plus(Duration.ofDays(367)), 100_000, null, null, 0), "input.deadline");
    }

    @Test
    void aCampaignAskingForNothingIsRefused() {
        refused(campaign("2026-12-21", NOW.plus(Duration.ofDays(10)), 0, null, null, 0), "input.moneyGoalFen");
    }

    @Test
    void matchingNeedsBothTermsAndAMoneyGoal() {
        refused(campaign("2026-12-21", NOW.plus(Duration.ofDays(10)), 100_000, "街道", null, 0), "input.matchingCapFen");
        refused(campaign("2026-12-21", NOW.plus(Duration.ofDays(10)), 0, "街道", 5_000L, 1), "input.matchingCapFen");
    }
}
