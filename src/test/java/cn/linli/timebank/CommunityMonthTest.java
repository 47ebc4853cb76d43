package cn.linli.timebank;

import java.time.Instant;
import java.util.Map;

import cn.linli.platform.error.LinliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A community's month: its bounds in Beijing time and what each total counts. */
class CommunityMonthTest {

    @Test
    void aMonthRunsFromMidnightBeijingTimeOnItsFirstDayToTheNextMonths() {
        CommunityMonth december = CommunityMonth.parse(7, "2026-12");
        assertThat(december.from()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(december.to()).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
        assertThat(december.communityId()).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-13", "2026-1", "26-12", "2026/12", "2026-12-01", "十二月"})
    void aMonthNotWrittenYyyyMmIsRefusedInChinese(String month) {
        assertThatThrownBy(() -> CommunityMonth.parse(7, month))
                .isInstanceOf(LinliException.class)
                .hasMessage("月份格式应为 YYYY-MM，例如 2026-12");
    }

    @Test
    void totalsCountEarningsAsIssuedGrantsFromBothSourcesAndLeaveInternalMovementsOut() {
        Map<CommunityMonth.Total, Long> totals = CommunityMonth.totals(Map.of(
                MovementKind.EARN_ORDER, 90L, MovementKind.EARN_VOLUNTEER, 10L,
                MovementKind.GRANT, 5L, MovementKind.POOL_GRANT, 7L,
                MovementKind.REDEEM, 30L, MovementKind.DONATE, 20L, MovementKind.EXPIRE, 3L,
                MovementKind.TRANSFER, 1000L, MovementKind.HOLD, 1000L));
        assertThat(totals).containsExactlyInAnyOrderEntriesOf(Map.of(
                CommunityMonth.Total.ISSUED, 100L, CommunityMonth.Total.GRANTED, 12L, CommunityMonth.Total.REDEEMED, 30L,
                CommunityMonth.Total.DONATED, 20L, CommunityMonth.Total.EXPIRED, 3L));
        assertThat(CommunityMonth.totals(Map.of())).allSatisfy((total, points) -> assertThat(points).isZero());
    }
}
