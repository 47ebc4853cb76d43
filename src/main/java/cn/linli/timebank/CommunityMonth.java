package cn.linli.timebank;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import cn.linli.platform.error.LinliException;

/**
 * A community's time bank over one calendar month, as the staff console's 数据 page shows it: the month's bounds in
 * Beijing time (how staff count months) and the totals by what moved the points. Pure: tested without Spring.
 *
 * @param communityId the community
 * @param month       the month, e.g. 2026-12
 */
record CommunityMonth(long communityId, YearMonth month) {

    static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    /** What each total counts. */
    enum Total {
        ISSUED(EnumSet.of(MovementKind.EARN_ORDER, MovementKind.EARN_VOLUNTEER)),
        GRANTED(EnumSet.of(MovementKind.GRANT, MovementKind.POOL_GRANT)),
        REDEEMED(EnumSet.of(MovementKind.REDEEM)),
        DONATED(EnumSet.of(MovementKind.DONATE)),
        EXPIRED(EnumSet.of(MovementKind.EXPIRE));

        final Set<MovementKind> kinds;

        Total(Set<MovementKind> kinds) {
            this.kinds = kinds;
        }
    }

    static CommunityMonth parse(long communityId, String month) {
        try {
            if (!month.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM", month, 0);
            }
            return new CommunityMonth(communityId, YearMonth.parse(month));
        } catch (DateTimeParseException invalid) {
            throw LinliException.invalid("month", "月份格式应为 YYYY-MM，例如 2026-12");
        }
    }

    Instant from() {
        return month.atDay(1).atStartOfDay().toInstant(BEIJING);
    }

    Instant to() {
        return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(BEIJING);
    }

    /** The month's points per total, from the points moved per kind (kinds no total counts are left out). */
    static Map<Total, Long> totals(Map<MovementKind, Long> pointsByKind) {
        Map<Total, Long> totals = new java.util.EnumMap<>(Total.class);
        for (Total total : Total.values()) {
            totals.put(total, total.kinds.stream().mapToLong(kind -> pointsByKind.getOrDefault(kind, 0L)).sum());
        }
        return totals;
    }
}
