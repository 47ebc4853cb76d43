package cn.linli.festival;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.linli.festival.CampaignRepository.NewCampaign;
import cn.linli.festival.FestivalRecords.Pledge;
import cn.linli.festival.PledgeRepository.NewPledge;
import cn.linli.festival.ProgressMath.IncomeRow;
import cn.linli.festival.ProgressMath.WallRow;
import cn.linli.festival.ProgressRepository.Sums;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress SQL against the embedded database: only counting pledges are summed, per campaign and kind. */
class ProgressRepositoryTest extends FestivalTestBase {

    @Autowired
    CampaignRepository campaigns;

    @Autowired
    PledgeRepository pledges;

    @Autowired
    ProgressRepository progress;

    private static NewPledge money(long campaign, @Nullable Long account, long amountFen, ContributorKind kind,
                                   PledgeKind pledgeKind, @Nullable String name) {
        return new NewPledge(campaign, pledgeKind, account, kind, name, false, null, amountFen, null, null, null, null,
                null, null, null);
    }

    private Pledge paid(long campaign, long account, long amountFen) {
        Pledge pledge = pledges.insert(money(campaign, account, amountFen, ContributorKind.RESIDENT, PledgeKind.MONEY, null))
                .block();
        assertThat(pledges.markPaid(pledge.id(), "tx-" + pledge.id()).block()).isTrue();
        assertThat(pledges.markPaid(pledge.id(), "tx-" + pledge.id()).block()).as("once").isFalse();
        return pledge;
    }

    @Test
    void countingPledgesAreSummedPerCampaignAndContributorKindAndTheWallShowsTheNewest() {
        long staff = staff().accountId();
        long resident = resident().accountId();
        long family = family().accountId();
        long campaign = campaigns.insert(new NewCampaign(jincheng(), "进度测试", LocalDate.parse("2031-01-01"), "广场",
                List.of(), null, null, Instant.now().plusSeconds(3600), 10_000, FundingRule.ALL_OR_NOTHING, "赞助商",
                3_000L, staff)).block();

        paid(campaign, resident, 2_000);
        paid(campaign, resident, 300);
        pledges.insert(money(campaign, resident, 1_000, ContributorKind.RESIDENT, PledgeKind.MONEY, null)).block();
        paid(campaign, family, 500);
        pledges.insert(money(campaign, null, 5_000, ContributorKind.GOVERNMENT, PledgeKind.OFFLINE, "街道办")).block();

        List<Sums> sums = progress.sums(List.of(campaign)).collectList().block();
        Sums total = sums.stream().filter(Sums::isTotal).findFirst().orElseThrow();
        assertThat(total.moneyFen()).as("the pending pledge does not count").isEqualTo(7_800);
        assertThat(total.residentFen()).isEqualTo(2_800);
        assertThat(total.supporters()).as("two people and one offline contributor").isEqualTo(3);
        assertThat(total.pledges()).isEqualTo(4);
        assertThat(sums.stream().filter(s -> !s.isTotal()).map(Sums::kindTotal).toList()).as("newest kind first")
                .containsExactly(new FestivalRecords.KindTotal(ContributorKind.GOVERNMENT, 5_000, 1),
                        new FestivalRecords.KindTotal(ContributorKind.RESIDENT, 2_800, 3));

        List<WallRow> wall = progress.wall(List.of(campaign)).collectList().block();
        assertThat(wall).extracting(WallRow::amountFen).containsExactly(5_000L, 500L, 300L, 2_000L);
        assertThat(progress.income(campaign).collectList().block()).extracting(IncomeRow::amountFen)
                .containsExactly(5_000L, 500L, 300L, 2_000L);
        assertThat(pledges.supporters(campaign).collectList().block()).containsExactlyInAnyOrder(resident, family);

        for (int i = 0; i < ProgressMath.WALL_SIZE; i++) {
            pledges.insert(money(campaign, null, 100, ContributorKind.COMMUNITY, PledgeKind.OFFLINE, "社区公益金")).block();
        }
        assertThat(progress.wall(List.of(campaign)).collectList().block()).hasSize(ProgressMath.WALL_SIZE)
                .allMatch(row -> row.contributorKind() == ContributorKind.COMMUNITY);
        assertThat(progress.sums(List.of(campaign + 1_000_000)).collectList().block()).as("no pledges, no rows").isEmpty();
    }
}
