package cn.linli.timebank;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's arithmetic without a database: earnings, the storage cap, expiry of what is left, balanced legs. */
class LedgerMathTest {

    @ParameterizedTest(name = "{0} min at {1}/h = {2}")
    @CsvSource({
            "60, 10, 10",
            "90, 10, 15",
            "5, 10, 0",      // rounds down: too little time earns nothing (and nothing is posted)
            "6, 10, 1",
            "1440, 1000, 24000",
            "45, 12, 9",
            "0, 10, 0"})
    void pointsForServiceTimeAreMinutesTimesRateOverSixty(int minutes, int rate, long points) {
        assertThat(LedgerMath.pointsFor(minutes, rate)).isEqualTo(points);
    }

    @Test
    void overflowIsWhatABalanceHoldsAboveTheCap() {
        assertThat(LedgerMath.overflow(150, 100)).isEqualTo(50);
        assertThat(LedgerMath.overflow(100, 100)).isZero();
        assertThat(LedgerMath.overflow(40, 100)).isZero();
        assertThat(LedgerMath.overflow(1_000_000, null)).as("no cap").isZero();
    }

    @Test
    void aCreditSplitsIntoWhatStaysAndWhatOverflowsToThePool() {
        long before = 80;
        int cap = 100;
        long credit = 35;
        long overflow = LedgerMath.overflow(before + credit, cap);
        assertThat(overflow).isEqualTo(15);
        assertThat(before + credit - overflow).as("kept").isEqualTo(cap);
    }

    @ParameterizedTest(name = "earned {0}, balance {1}, credited since {2}: {3} left")
    @CsvSource({
            "100, 100, 0, 100",   // nothing spent, nothing newer
            "100, 130, 50, 80",   // 20 spent (oldest first) from this earning
            "100, 40, 50, 0",     // newer credits cover the whole balance: this earning is spent
            "100, 500, 50, 100",  // older points make the balance larger: at most what it brought in
            "100, 0, 0, 0",       // all spent
            "30, 30, 30, 0"})
    void expiryTakesWhatIsLeftOfTheOldestUnspentEarning(long earned, long balance, long since, long left) {
        assertThat(LedgerMath.remainingOfEarning(earned, balance, since)).isEqualTo(left);
    }

    @Test
    void aPostingIsBalancedOnlyWhenItsNonZeroLegsSumToZero() {
        assertThat(LedgerMath.balanced(LedgerMath.move(1, 2, 30))).isTrue();
        assertThat(LedgerMath.balanced(List.of(new Ledger.Leg(1, -30), new Ledger.Leg(2, 10), new Ledger.Leg(3, 20)))).isTrue();
        assertThat(LedgerMath.balanced(List.of(new Ledger.Leg(1, 5)))).isFalse();
        assertThat(LedgerMath.balanced(List.of(new Ledger.Leg(1, -5), new Ledger.Leg(2, 4)))).isFalse();
        assertThat(LedgerMath.balanced(List.of(new Ledger.Leg(1, 0), new Ledger.Leg(2, 0)))).as("zero legs").isFalse();
        assertThat(LedgerMath.balanced(List.of())).as("no legs").isFalse();
    }

    @Test
    void aMoveDebitsTheSourceAndCreditsTheDestination() {
        assertThat(LedgerMath.move(7, 9, 25)).containsExactly(new Ledger.Leg(7, -25), new Ledger.Leg(9, 25));
    }

    @Test
    void postingsBuildFromOneMoveWithOptionalDetails() {
        Ledger.Posting posting = Ledger.Posting.move(MovementKind.DONATE, "u1:key", 3L, "捐赠给社区公益池", 10, 20, 5);
        assertThat(posting.requestFingerprint()).as("system keys are their own fingerprint").isEqualTo("u1:key");
        assertThat(posting.actorId()).isNull();
        Ledger.Posting detailed = posting.actor(42).fingerprint("DONATE|3|5").minutes(30).reference("order:1");
        assertThat(detailed).isEqualTo(new Ledger.Posting(MovementKind.DONATE, "u1:key", "DONATE|3|5", 3L, 42L,
                "捐赠给社区公益池", 30, "order:1", List.of(new Ledger.Leg(10, -5), new Ledger.Leg(20, 5))));
    }

    @Test
    void leaderboardRanksRowsInOrderWithHoursToOneDecimal() {
        var ranked = Leaderboard.ranked(List.of(new TimeBankRepository.Leader(5, "阿姨", 95),
                new TimeBankRepository.Leader(3, null, 60)));
        assertThat(ranked).containsExactly(
                new TimeBankInputs.LeaderboardEntry(1, "5", "阿姨", 95, 1.6),
                new TimeBankInputs.LeaderboardEntry(2, "3", null, 60, 1.0));
        assertThat(LedgerMath.hours(0)).isZero();
        assertThat(LedgerMath.hours(100)).isEqualTo(1.7);
    }
}
