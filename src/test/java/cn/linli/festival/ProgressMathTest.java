package cn.linli.festival;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.linli.festival.FestivalRecords.Expense;
import cn.linli.festival.FestivalRecords.ItemNeed;
import cn.linli.festival.FestivalRecords.KindTotal;
import cn.linli.festival.FestivalRecords.Ledger;
import cn.linli.festival.FestivalRecords.Progress;
import cn.linli.festival.FestivalRecords.WallEntry;
import cn.linli.festival.ProgressMath.IncomeRow;
import cn.linli.festival.ProgressMath.Totals;
import cn.linli.festival.ProgressMath.WallRow;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic after the database summed: matching cap, goal, items covered, wall wording, the ledger. */
class ProgressMathTest {

    private static final Instant AT = Instant.parse("2030-12-01T08:00:00Z");

    private static Campaign campaign(long goalFen, @Nullable String sponsor, @Nullable Long capFen) {
        return new Campaign(7, 1, "冬至饺子宴", LocalDate.parse("2030-12-21"), "锦城社区广场", List.of(), null, null, AT,
                goalFen, FundingRule.ALL_OR_NOTHING, sponsor, capFen, CampaignStatus.OPEN, AT);
    }

    @ParameterizedTest(name = "cap {0}, residents {1} → matched {2}")
    @CsvSource({",5000,0", "3000,0,0", "3000,2000,2000", "3000,3000,3000", "3000,5000,3000"})
    void theSponsorMatchesResidentsOneToOneUpToItsCap(@Nullable Long capFen, long residentFen, long matched) {
        assertThat(ProgressMath.matchedFen(capFen, residentFen)).isEqualTo(matched);
    }

    @Test
    void theGoalIsReachedByRaisedPlusMatched() {
        Campaign withSponsor = campaign(10_000, "李姐家电修理铺", 3_000L);
        Progress progress = ProgressMath.progress(withSponsor, new Totals(8_000, 5_000, 2), List.of(), List.of(),
                List.of(new KindTotal(ContributorKind.RESIDENT, 5_000, 1)), List.of());
        assertThat(progress.moneyRaisedFen()).isEqualTo(8_000);
        assertThat(progress.matchedFen()).isEqualTo(3_000);
        assertThat(progress.totalFen()).isEqualTo(11_000);
        assertThat(progress.supporters()).isEqualTo(2);
        assertThat(ProgressMath.goalReached(progress.totalFen(), withSponsor.moneyGoalFen())).isTrue();
        assertThat(ProgressMath.goalReached(9_999, 10_000)).isFalse();
        assertThat(ProgressMath.goalReached(10_000, 10_000)).isTrue();
        assertThat(ProgressMath.goalReached(0, 0)).as("a goal of nothing is reached").isTrue();

        Progress empty = ProgressMath.progress(campaign(10_000, null, null), Totals.NONE, List.of(), List.of(), List.of(),
                List.of());
        assertThat(empty.totalFen()).isZero();
        assertThat(empty.moneyGoalFen()).isEqualTo(10_000);
    }

    @Test
    void itemsAreCoveredWhenPledgedReachesNeeded() {
        assertThat(new ItemNeed(1, 7, "折叠椅", "把", 50, 48, 0).stillNeeded()).isEqualTo(2);
        assertThat(new ItemNeed(1, 7, "折叠椅", "把", 50, 48, 0).covered()).isFalse();
        assertThat(new ItemNeed(1, 7, "折叠椅", "把", 50, 50, 10).covered()).isTrue();
        assertThat(new ItemNeed(1, 7, "折叠椅", "把", 50, 50, 10).stillNeeded()).isZero();
    }

    private static WallRow row(PledgeKind kind, boolean anonymous, @Nullable String contributorName) {
        return new WallRow(1, 7, kind, 3L, ContributorKind.RESIDENT, contributorName, anonymous, "一起过节",
                kind == PledgeKind.MONEY ? 500L : null, kind == PledgeKind.ITEM ? 2 : null, "折叠椅", "把", "签到引导", AT);
    }

    @Test
    void theWallNamesWhoGaveAndWhat() {
        assertThat(ProgressMath.wallEntry(row(PledgeKind.ITEM, false, null), "张阿姨"))
                .isEqualTo(new WallEntry("张阿姨", PledgeKind.ITEM, ContributorKind.RESIDENT, null, "折叠椅 2 把", "一起过节", AT));
        assertThat(ProgressMath.wallEntry(row(PledgeKind.TIME, false, null), "张阿姨").what()).isEqualTo("志愿者：签到引导");
        assertThat(ProgressMath.wallEntry(row(PledgeKind.MONEY, false, null), "张阿姨").what()).isNull();
        assertThat(ProgressMath.wallEntry(row(PledgeKind.MONEY, true, null), "张阿姨").name()).as("anonymous").isNull();
        assertThat(ProgressMath.wallEntry(row(PledgeKind.OFFLINE, false, "玉林街道办事处"), null).name())
                .isEqualTo("玉林街道办事处");
        assertThat(ProgressMath.wallEntry(row(PledgeKind.OFFLINE, true, "玉林街道办事处"), null).name()).isNull();
    }

    @Test
    void theLedgerBalancesIncomeAgainstApprovedExpenses() {
        Campaign withSponsor = campaign(100_000, "李姐家电修理铺", 3_000L);
        List<IncomeRow> income = List.of(
                new IncomeRow(PledgeKind.OFFLINE, ContributorKind.GOVERNMENT, "玉林街道办事处", false, 150_000, AT),
                new IncomeRow(PledgeKind.MONEY, ContributorKind.RESIDENT, null, true, 2_000, AT),
                new IncomeRow(PledgeKind.MONEY, ContributorKind.RESIDENT, null, false, 3_000, AT));
        List<Expense> expenses = List.of(
                new Expense(1, 7, "食材", 30_000, 9, null, 5, ExpenseStatus.APPROVED, null, AT),
                new Expense(2, 7, "舞台搭建", 80_000, 10, null, 5, ExpenseStatus.PENDING, null, AT));

        Ledger ledger = ProgressMath.ledger(withSponsor, income, 3_000, expenses, AT);

        assertThat(ledger.income()).extracting(l -> l.source())
                .containsExactly("线下：玉林街道办事处", "匿名捐款", "微信支付捐款", "配捐：李姐家电修理铺");
        assertThat(ledger.income().get(3).contributorKind()).isEqualTo(ContributorKind.MERCHANT);
        assertThat(ledger.incomeFen()).isEqualTo(158_000);
        assertThat(ledger.expensesFen()).isEqualTo(30_000);
        assertThat(ledger.pendingExpensesFen()).isEqualTo(80_000);
        assertThat(ledger.balanceFen()).isEqualTo(128_000);
        assertThat(ProgressMath.ledger(withSponsor, List.of(), 0, List.of(), AT).income()).as("no match, no line").isEmpty();
    }
}
