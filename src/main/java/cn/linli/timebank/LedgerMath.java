package cn.linli.timebank;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The ledger's arithmetic, pure, so each rule is unit-tested without a database. */
final class LedgerMath {

    /** Points for service time: {@code minutes × pointsPerHour / 60}, rounded down (so 5 minutes at 10/h earn 0). */
    static long pointsFor(int minutes, int pointsPerHour) {
        return (long) minutes * pointsPerHour / 60;
    }

    /** What a balance holds above the community's storage cap (0 without a cap or when under it). */
    static long overflow(long balance, @Nullable Integer storageCap) {
        return storageCap == null ? 0 : Math.max(0, balance - storageCap);
    }

    /**
     * What is left of an earning when points are spent oldest first: the balance is made of the newest credits, so
     * the earning still holds {@code balance − credits since}, between zero and what it brought in.
     */
    static long remainingOfEarning(long earned, long balance, long creditedSince) {
        return Math.max(0, Math.min(earned, balance - creditedSince));
    }

    /** A posting is well formed when it has legs, none of them zero, and they sum to zero. */
    static boolean balanced(List<Ledger.Leg> legs) {
        return !legs.isEmpty() && legs.stream().noneMatch(leg -> leg.amount() == 0)
                && legs.stream().mapToLong(Ledger.Leg::amount).sum() == 0;
    }

    /** Legs moving {@code points} from one account to another. */
    static List<Ledger.Leg> move(long from, long to, long points) {
        return List.of(new Ledger.Leg(from, -points), new Ledger.Leg(to, points));
    }

    /** Hours shown on the leaderboard: minutes to one decimal. */
    static double hours(long minutes) {
        return Math.round(minutes / 6.0) / 10.0;
    }

    private LedgerMath() {
    }
}
