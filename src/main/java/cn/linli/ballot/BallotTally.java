package cn.linli.ballot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The arithmetic of results, pure (unit-tested without Spring). Input: the ballot, its options, each counted vote's
 * picks (never whose they are) and the eligible/voted households per estate.
 * <ul>
 * <li>votes of an option: households that picked (or ranked) it. RANK also scores by Borda count: with n options, a
 *   household's 1st choice earns n points, its 2nd n−1, …, options it did not rank 0; options are ordered by points.</li>
 * <li>turnout: voted ÷ eligible households (overall and per estate); the rule is met when turnout ≥ minTurnoutPercent
 *   (so 0 % means "no minimum"; a ballot nobody may vote in never passes).</li>
 * <li>majority, on the votes cast (households that voted), strictly more than majorityPercent:
 *   APPROVE — the 同意 votes; SATISFACTION — 满意 + 基本满意; SINGLE and PICK_UP_TO_N — the leading option, which must
 *   lead alone (a tie never passes; majorityPercent 0 therefore means plurality); RANK — the Borda leader must lead
 *   alone, the percentage does not apply (a ranking has no "share").</li>
 * <li>passed = turnout met and majority met.</li>
 * </ul>
 */
final class BallotTally {

    record OptionResult(BallotOption option, int votes, int points, double sharePercent) {
    }

    record EstateTurnout(long estateId, String estateName, int eligibleHouseholds, int votedHouseholds,
                         double turnoutPercent) {
    }

    record EstateCount(long estateId, String estateName, int eligible, int voted) {
    }

    record Results(long ballotId, BallotStatus status, int eligibleHouseholds, int votedHouseholds,
                   double turnoutPercent, boolean turnoutMet, boolean majorityMet, boolean passed,
                   @Nullable OptionResult leading, List<OptionResult> options, List<EstateTurnout> estates) {
    }

    static Results tally(Ballot ballot, List<BallotOption> options, List<List<Long>> votes, List<EstateCount> estates) {
        int eligible = estates.stream().mapToInt(EstateCount::eligible).sum();
        int voted = votes.size();
        List<OptionResult> ranked = rank(ballot, options, votes);
        boolean turnoutMet = eligible > 0 && voted * 100L >= (long) ballot.minTurnoutPercent() * eligible;
        OptionResult leading = leader(ranked, ballot.pickMode() == PickMode.RANK);
        boolean majorityMet = voted > 0 && majority(ballot, ranked, leading, voted);
        List<EstateTurnout> perEstate = estates.stream()
                .map(e -> new EstateTurnout(e.estateId(), e.estateName(), e.eligible(), e.voted(), percent(e.voted(), e.eligible())))
                .toList();
        return new Results(ballot.id(), ballot.status(), eligible, voted, percent(voted, eligible), turnoutMet,
                majorityMet, turnoutMet && majorityMet, leading, ranked, perEstate);
    }

    private static List<OptionResult> rank(Ballot ballot, List<BallotOption> options, List<List<Long>> votes) {
        int n = options.size();
        Map<Long, int[]> counts = new HashMap<>();
        options.forEach(option -> counts.put(option.id(), new int[2]));
        for (List<Long> picks : votes) {
            for (int i = 0; i < picks.size(); i++) {
                int[] count = counts.get(picks.get(i));
                if (count != null) {
                    count[0]++;
                    count[1] += n - i;
                }
            }
        }
        boolean byPoints = ballot.pickMode() == PickMode.RANK;
        List<OptionResult> results = new ArrayList<>();
        for (BallotOption option : options) {
            int[] count = counts.get(option.id());
            results.add(new OptionResult(option, count[0], byPoints ? count[1] : count[0], percent(count[0], votes.size())));
        }
        if (ballot.kind() != BallotKind.SATISFACTION && ballot.pickMode() != PickMode.APPROVE) {
            // fixed options keep their order; chosen ones are shown best first (ties in option order)
            results.sort(Comparator.comparingInt((OptionResult r) -> byPoints ? r.points() : r.votes()).reversed()
                    .thenComparingInt(r -> r.option().position()));
        }
        return results;
    }

    /** The option with the most votes (points for RANK), or null when none has any or two share the lead. */
    private static @Nullable OptionResult leader(List<OptionResult> results, boolean byPoints) {
        List<OptionResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingInt((OptionResult r) -> byPoints ? r.points() : r.votes()).reversed());
        if (sorted.isEmpty() || score(sorted.get(0), byPoints) == 0) {
            return null;
        }
        if (sorted.size() > 1 && score(sorted.get(1), byPoints) == score(sorted.get(0), byPoints)) {
            return null;
        }
        return sorted.get(0);
    }

    private static int score(OptionResult result, boolean byPoints) {
        return byPoints ? result.points() : result.votes();
    }

    private static boolean majority(Ballot ballot, List<OptionResult> results, @Nullable OptionResult leading,
                                    int voted) {
        if (ballot.kind() == BallotKind.SATISFACTION) {
            int satisfied = votesAt(results, 1) + votesAt(results, 2);
            return more(satisfied, voted, ballot.majorityPercent());
        }
        return switch (ballot.pickMode()) {
            case APPROVE -> more(votesAt(results, 1), voted, ballot.majorityPercent());
            case SINGLE, PICK_UP_TO_N -> leading != null && more(leading.votes(), voted, ballot.majorityPercent());
            case RANK -> leading != null;
        };
    }

    private static int votesAt(List<OptionResult> results, int position) {
        return results.stream().filter(r -> r.option().position() == position).mapToInt(OptionResult::votes).sum();
    }

    /** part is strictly more than percent % of whole. */
    private static boolean more(int part, int whole, int percent) {
        return part * 100L > (long) percent * whole;
    }

    /** part ÷ whole in percent, one decimal; 0 when whole is 0. */
    static double percent(int part, int whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }

    private BallotTally() {
    }
}
