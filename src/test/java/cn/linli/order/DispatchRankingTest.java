package cn.linli.order;

import java.util.List;

import cn.linli.order.DispatchRanking.Standing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The dispatch ranking: rating, then fair rotation, then load, then the oldest partner. */
class DispatchRankingTest {

    private static List<Long> ranked(Standing... standings) {
        return DispatchRanking.rank(List.of(standings)).stream().map(Standing::partnerId).toList();
    }

    @Test
    void theBestRatedComesFirst() {
        assertThat(ranked(new Standing(1, 3.5, 0, 0, 5), new Standing(2, 4.8, 3, 4, 5), new Standing(3, 4.2, 0, 0, 5)))
                .containsExactly(2L, 3L, 1L);
    }

    @Test
    void anUnratedPartnerCountsAsFourSoNewcomersGetWork() {
        assertThat(ranked(new Standing(1, 3.9, 0, 0, 5), new Standing(2, null, 0, 0, 5), new Standing(3, 4.1, 0, 0, 5)))
                .containsExactly(3L, 2L, 1L);
        // exactly 4.0 ties with unrated: rotation decides
        assertThat(ranked(new Standing(1, 4.0, 2, 0, 5), new Standing(2, null, 1, 0, 5))).containsExactly(2L, 1L);
    }

    @Test
    void amongEquallyRatedTheOneGivenFewestOrdersThisWeekComesFirst() {
        assertThat(ranked(new Standing(1, 4.5, 3, 0, 5), new Standing(2, 4.5, 1, 4, 5), new Standing(3, 4.5, 2, 0, 5)))
                .containsExactly(2L, 3L, 1L);
    }

    @Test
    void thenTheOneWithFewestOrdersInHandThenTheOldest() {
        assertThat(ranked(new Standing(1, 4.5, 1, 3, 5), new Standing(2, 4.5, 1, 1, 5), new Standing(3, 4.5, 1, 1, 5)))
                .containsExactly(2L, 3L, 1L);
    }

    @Test
    void nobodyEligibleRanksNobody() {
        assertThat(DispatchRanking.rank(List.of())).isEmpty();
    }

    @Test
    void theReasonSaysWhy() {
        assertThat(new Standing(7, 4.8, 2, 1, 5).reason()).isEqualTo("评分 4.8 · 近7天派单 2 次 · 在办 1/5");
        assertThat(new Standing(7, null, 0, 0, 3).reason()).isEqualTo("暂无评分 · 近7天派单 0 次 · 在办 0/3");
    }
}
