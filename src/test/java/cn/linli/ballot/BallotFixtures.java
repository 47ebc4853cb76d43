package cn.linli.ballot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Ballots and options built in memory for the plain unit tests. */
final class BallotFixtures {

    static final Instant OPENED = Instant.parse("2026-12-01T08:00:00Z");

    static Ballot ballot(BallotKind kind, PickMode mode, int maxPicks, int minTurnout, int majority) {
        return new Ballot(1, 7, kind, mode, maxPicks, "测试投票", null, null, null, BallotStatus.OPEN, OPENED,
                OPENED.plusSeconds(86_400 * 3), 24, minTurnout, majority, OPENED, null, null, 99L, OPENED, OPENED);
    }

    /** Options with ids 101, 102, … in positions 1, 2, …. */
    static List<BallotOption> options(String... labels) {
        List<BallotOption> options = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            options.add(new BallotOption(101 + i, 1, i + 1, labels[i], null));
        }
        return options;
    }

    /** n votes with the same picks. */
    static List<List<Long>> votes(int n, Long... picks) {
        List<List<Long>> votes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            votes.add(List.of(picks));
        }
        return votes;
    }

    @SafeVarargs
    static List<List<Long>> all(List<List<Long>>... groups) {
        List<List<Long>> all = new ArrayList<>();
        for (List<List<Long>> group : groups) {
            all.addAll(group);
        }
        return all;
    }

    private BallotFixtures() {
    }
}
