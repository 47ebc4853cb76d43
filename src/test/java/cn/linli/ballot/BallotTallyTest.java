package cn.linli.ballot;

import java.util.List;

import cn.linli.ballot.BallotTally.EstateCount;
import cn.linli.ballot.BallotTally.OptionResult;
import cn.linli.ballot.BallotTally.Results;
import org.junit.jupiter.api.Test;

import static cn.linli.ballot.BallotFixtures.all;
import static cn.linli.ballot.BallotFixtures.ballot;
import static cn.linli.ballot.BallotFixtures.options;
import static cn.linli.ballot.BallotFixtures.votes;
import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic of results: counts, Borda ranking, turnout per estate, and both sides of every pass rule. */
class BallotTallyTest {

    private static final List<EstateCount> TEN_ELIGIBLE = List.of(new EstateCount(1, "翠竹苑", 6, 4),
            new EstateCount(2, "银杏小区", 4, 2));

    @Test
    void turnoutOverallAndPerEstate() {
        Results results = BallotTally.tally(ballot(BallotKind.PROJECT, PickMode.APPROVE, 1, 50, 50),
                options("同意", "不同意"), all(votes(5, 101L), votes(1, 102L)), TEN_ELIGIBLE);

        assertThat(results.eligibleHouseholds()).isEqualTo(10);
        assertThat(results.votedHouseholds()).isEqualTo(6);
        assertThat(results.turnoutPercent()).isEqualTo(60.0);
        assertThat(results.estates()).extracting(BallotTally.EstateTurnout::turnoutPercent).containsExactly(66.7, 50.0);
        assertThat(results.estates()).extracting(BallotTally.EstateTurnout::votedHouseholds).containsExactly(4, 2);
    }

    @Test
    void approvePassesWithTurnoutAndMoreThanHalfYes() {
        Results results = BallotTally.tally(ballot(BallotKind.PROJECT, PickMode.APPROVE, 1, 50, 50),
                options("同意", "不同意"), all(votes(4, 101L), votes(2, 102L)), TEN_ELIGIBLE);
        assertThat(results.turnoutMet()).isTrue();
        assertThat(results.majorityMet()).isTrue();
        assertThat(results.passed()).isTrue();
        assertThat(results.options()).extracting(OptionResult::votes).containsExactly(4, 2);
        assertThat(results.options().get(0).sharePercent()).isEqualTo(66.7);
    }

    @Test
    void approveFailsOnExactlyHalfYes() {
        Results results = BallotTally.tally(ballot(BallotKind.PROJECT, PickMode.APPROVE, 1, 50, 50),
                options("同意", "不同意"), all(votes(3, 101L), votes(3, 102L)), TEN_ELIGIBLE);
        assertThat(results.turnoutMet()).isTrue();
        assertThat(results.majorityMet()).isFalse();
        assertThat(results.passed()).isFalse();
    }

    @Test
    void failsOnTurnoutBelowTheMinimumEvenWithAllYes() {
        List<EstateCount> few = List.of(new EstateCount(1, "翠竹苑", 10, 4));
        Results results = BallotTally.tally(ballot(BallotKind.PROJECT, PickMode.APPROVE, 1, 50, 50),
                options("同意", "不同意"), votes(4, 101L), few);
        assertThat(results.turnoutPercent()).isEqualTo(40.0);
        assertThat(results.turnoutMet()).isFalse();
        assertThat(results.majorityMet()).isTrue();
        assertThat(results.passed()).isFalse();
    }

    @Test
    void turnoutExactlyAtTheMinimumIsMet() {
        List<EstateCount> half = List.of(new EstateCount(1, "翠竹苑", 10, 5));
        Results results = BallotTally.tally(ballot(BallotKind.PROJECT, PickMode.APPROVE, 1, 50, 50),
                options("同意", "不同意"), votes(5, 101L), half);
        assertThat(results.turnoutMet()).isTrue();
        assertThat(results.passed()).isTrue();
    }

    @Test
    void nobodyEligibleNeverPasses() {
        Results results = BallotTally.tally(ballot(BallotKind.PROJECT, PickMode.APPROVE, 1, 0, 0),
                options("同意", "不同意"), List.of(), List.of());
        assertThat(results.turnoutPercent()).isEqualTo(0.0);
        assertThat(results.turnoutMet()).isFalse();
        assertThat(results.passed()).isFalse();
        assertThat(results.leading()).isNull();
    }

    @Test
    void singleNeedsAnAbsoluteMajorityForTheLeader() {
        List<BallotOption> abc = options("A", "B", "C");
        Results majority = BallotTally.tally(ballot(BallotKind.PROJECT, PickMode.SINGLE, 1, 50, 50), abc,
                all(votes(4, 101L), votes(1, 102L), votes(1, 103L)), TEN_ELIGIBLE);
        assertThat(majority.leading().option().label()).isEqualTo("A");
        assertThat(majority.passed()).isTrue();

        Results plurality = BallotTally.tally(ballot(BallotKind.PROJECT, PickMode.SINGLE, 1, 50, 50), abc,
                all(votes(3, 101L), votes(2, 102L), votes(1, 103L)), TEN_ELIGIBLE);
        assertThat(plurality.leading().option().label()).isEqualTo("A");
        assertThat(plurality.majorityMet()).isFalse();
        assertThat(plurality.passed()).isFalse();
    }

    @Test
    void singleWithMajorityZeroIsPluralityButATieNeverPasses() {
        List<BallotOption> abc = options("A", "B", "C");
        Results plurality = BallotTally.tally(ballot(BallotKind.PROJECT, PickMode.SINGLE, 1, 50, 0), abc,
                all(votes(3, 102L), votes(2, 101L), votes(1, 103L)), TEN_ELIGIBLE);
        assertThat(plurality.passed()).isTrue();
        assertThat(plurality.options()).extracting(r -> r.option().label()).containsExactly("B", "A", "C");

        Results tie = BallotTally.tally(ballot(BallotKind.PROJECT, PickMode.SINGLE, 1, 50, 0), abc,
                all(votes(3, 101L), votes(3, 102L)), TEN_ELIGIBLE);
        assertThat(tie.leading()).isNull();
        assertThat(tie.passed()).isFalse();
    }

    @Test
    void pickUpToNCountsHouseholdsPerOption() {
        Results results = BallotTally.tally(ballot(BallotKind.NEEDS, PickMode.PICK_UP_TO_N, 2, 50, 50),
                options("加装电梯", "修路灯", "增设车棚"),
                all(votes(3, 101L, 102L), votes(2, 102L, 103L), votes(1, 103L)), TEN_ELIGIBLE);
        assertThat(results.options()).extracting(r -> r.option().label()).containsExactly("修路灯", "加装电梯", "增设车棚"); // a tie keeps option order
        assertThat(results.options()).extracting(OptionResult::votes).containsExactly(5, 3, 3);
        assertThat(results.options().get(0).sharePercent()).isEqualTo(83.3);
        assertThat(results.passed()).isTrue();
    }

    @Test
    void rankUsesBordaPoints() {
        // 3 options: 1st = 3 points, 2nd = 2, 3rd = 1, unranked = 0
        List<List<Long>> votes = all(votes(2, 101L, 102L, 103L), votes(2, 102L, 101L), votes(1, 103L));
        Results results = BallotTally.tally(ballot(BallotKind.NEEDS, PickMode.RANK, 3, 50, 50),
                options("A", "B", "C"), votes, TEN_ELIGIBLE);
        // A: 2×3 + 2×2 = 10; B: 2×2 + 2×3 = 10; C: 2×1 + 1×3 = 5 → tie between A and B
        assertThat(results.options()).extracting(OptionResult::points).containsExactly(10, 10, 5);
        assertThat(results.leading()).isNull();
        assertThat(results.passed()).isFalse();

        List<List<Long>> decided = all(votes, votes(1, 102L));
        Results won = BallotTally.tally(ballot(BallotKind.NEEDS, PickMode.RANK, 3, 50, 50),
                options("A", "B", "C"), decided, TEN_ELIGIBLE);
        assertThat(won.leading().option().label()).isEqualTo("B");
        assertThat(won.leading().points()).isEqualTo(13);
        assertThat(won.options()).extracting(r -> r.option().label()).containsExactly("B", "A", "C");
        assertThat(won.passed()).isTrue();
    }

    @Test
    void satisfactionCountsSatisfiedAndBasicallySatisfied() {
        List<BallotOption> three = options("满意", "基本满意", "不满意");
        Results passed = BallotTally.tally(ballot(BallotKind.SATISFACTION, PickMode.SINGLE, 1, 50, 50), three,
                all(votes(2, 101L), votes(2, 102L), votes(3, 103L)), TEN_ELIGIBLE);
        assertThat(passed.options()).extracting(r -> r.option().label()).containsExactly("满意", "基本满意", "不满意");
        assertThat(passed.majorityMet()).isTrue();

        Results failed = BallotTally.tally(ballot(BallotKind.SATISFACTION, PickMode.SINGLE, 1, 50, 50), three,
                all(votes(1, 101L), votes(2, 102L), votes(3, 103L)), TEN_ELIGIBLE);
        assertThat(failed.majorityMet()).isFalse();
        assertThat(failed.passed()).isFalse();
    }
}
