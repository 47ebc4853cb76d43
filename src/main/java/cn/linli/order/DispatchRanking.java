package cn.linli.order;

import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The dispatch ranking rule, pure: best average rating first (a partner not yet rated counts as {@value #UNRATED}, so
 * newcomers get work), then fewest orders given to it in the last seven days (fair rotation), then fewest orders in
 * hand, then the oldest partner. Eligibility (category, contract, online, not declined) is decided before, in SQL;
 * capacity is reserved after, in rank order, by the database.
 */
final class DispatchRanking {

    static final double UNRATED = 4.0;

    /** One eligible partner's standing. */
    record Standing(long partnerId, @Nullable Double rating, int recentAssignments, int activeOrders, int capacity) {

        double sortRating() {
            return rating == null ? UNRATED : rating;
        }

        /** e.g. 评分 4.8 · 近7天派单 2 次 · 在办 1/5 */
        String reason() {
            return (rating == null ? "暂无评分" : "评分 " + rating) + " · 近7天派单 " + recentAssignments + " 次"
                    + " · 在办 " + activeOrders + "/" + capacity;
        }
    }

    private static final Comparator<Standing> BEST_FIRST = Comparator.comparingDouble((Standing s) -> -s.sortRating())
            .thenComparingInt(Standing::recentAssignments)
            .thenComparingInt(Standing::activeOrders)
            .thenComparingLong(Standing::partnerId);

    static List<Standing> rank(List<Standing> eligible) {
        return eligible.stream().sorted(BEST_FIRST).toList();
    }

    private DispatchRanking() {
    }
}
