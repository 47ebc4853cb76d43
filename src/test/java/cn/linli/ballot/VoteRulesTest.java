package cn.linli.ballot;

import java.time.Instant;
import java.util.List;

import cn.linli.ballot.VoteRepository.Membership;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import org.junit.jupiter.api.Test;

import static cn.linli.ballot.BallotFixtures.OPENED;
import static cn.linli.ballot.BallotFixtures.ballot;
import static cn.linli.ballot.BallotFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which picks a ballot takes, which households a voter may vote for, and when a ballot takes votes. */
class VoteRulesTest {

    private static final List<BallotOption> ABC = options("A", "B", "C");

    @Test
    void singleTakesExactlyOneKnownOption() {
        Ballot single = ballot(BallotKind.PROJECT, PickMode.SINGLE, 1, 50, 50);
        assertThatCode(() -> VoteRules.check(single, ABC, List.of(102L))).doesNotThrowAnyException();
        expectInvalid(() -> VoteRules.check(single, ABC, List.of(101L, 102L)));
        expectInvalid(() -> VoteRules.check(single, ABC, List.of()));
        expectInvalid(() -> VoteRules.check(single, ABC, List.of(999L)));
    }

    @Test
    void pickUpToNRefusesDuplicatesAndTooMany() {
        Ballot pick = ballot(BallotKind.NEEDS, PickMode.PICK_UP_TO_N, 2, 50, 50);
        assertThatCode(() -> VoteRules.check(pick, ABC, List.of(101L, 103L))).doesNotThrowAnyException();
        assertThatCode(() -> VoteRules.check(pick, ABC, List.of(101L))).doesNotThrowAnyException();
        expectInvalid(() -> VoteRules.check(pick, ABC, List.of(101L, 102L, 103L)));
        expectInvalid(() -> VoteRules.check(pick, ABC, List.of(101L, 101L)));
    }

    @Test
    void rankTakesAnOrderUpToN() {
        Ballot rank = ballot(BallotKind.NEEDS, PickMode.RANK, 3, 50, 50);
        assertThatCode(() -> VoteRules.check(rank, ABC, List.of(103L, 101L, 102L))).doesNotThrowAnyException();
        expectInvalid(() -> VoteRules.check(rank, ABC, List.of(103L, 103L)));
    }

    @Test
    void voterHouseholdRefusals() {
        Ballot ballot = ballot(BallotKind.PROJECT, PickMode.APPROVE, 1, 50, 50); // community 7
        Instant before = OPENED.minusSeconds(60);
        Instant after = OPENED.plusSeconds(60);

        expectCode(() -> BallotPolicy.voterHousehold(List.of(), ballot, null), ErrorCode.NOT_ELIGIBLE_TO_VOTE);
        expectCode(() -> BallotPolicy.voterHousehold(List.of(new Membership(5, 8, before, false)), ballot, null),
                ErrorCode.BALLOT_OTHER_COMMUNITY);
        expectCode(() -> BallotPolicy.voterHousehold(List.of(new Membership(5, 7, after, true)), ballot, null),
                ErrorCode.VERIFIED_AFTER_BALLOT_OPENED);
        expectCode(() -> BallotPolicy.voterHousehold(List.of(new Membership(5, 7, before, false)), ballot, null),
                ErrorCode.VERIFIED_AFTER_BALLOT_OPENED);
        expectCode(() -> BallotPolicy.voterHousehold(List.of(new Membership(5, 7, before, true)), ballot, 6L),
                ErrorCode.NOT_ELIGIBLE_TO_VOTE);
        expectCode(() -> BallotPolicy.voterHousehold(List.of(new Membership(5, 7, before, true),
                new Membership(6, 7, before, true)), ballot, null), ErrorCode.VALIDATION_FAILED);

        assertThat(BallotPolicy.voterHousehold(List.of(new Membership(5, 7, before, true),
                new Membership(6, 7, before, true)), ballot, 6L)).isEqualTo(6L);
        assertThat(BallotPolicy.voterHousehold(List.of(new Membership(4, 8, before, false),
                new Membership(5, 7, before, true)), ballot, null)).isEqualTo(5L);
    }

    @Test
    void takesVotesOnlyWhileOpenAndBeforeClosing() {
        Ballot open = ballot(BallotKind.PROJECT, PickMode.APPROVE, 1, 50, 50);
        assertThatCode(() -> Votes.requireTakingVotes(open, OPENED.plusSeconds(1))).doesNotThrowAnyException();
        expectCode(() -> Votes.requireTakingVotes(open, open.closesAt()), ErrorCode.BALLOT_CLOSED);
        expectCode(() -> Votes.requireTakingVotes(withStatus(open, BallotStatus.CLOSED), OPENED), ErrorCode.BALLOT_CLOSED);
        expectCode(() -> Votes.requireTakingVotes(withStatus(open, BallotStatus.CANCELLED), OPENED), ErrorCode.BALLOT_CLOSED);
        expectCode(() -> Votes.requireTakingVotes(withStatus(open, BallotStatus.SCHEDULED), OPENED), ErrorCode.BALLOT_NOT_OPEN);
        expectCode(() -> Votes.requireTakingVotes(withStatus(open, BallotStatus.DRAFT), OPENED), ErrorCode.BALLOT_NOT_OPEN);
    }

    private static Ballot withStatus(Ballot b, BallotStatus status) {
        return new Ballot(b.id(), b.communityId(), b.kind(), b.pickMode(), b.maxPicks(), b.title(), b.description(),
                b.subjectKind(), b.subjectId(), status, b.opensAt(), b.closesAt(), b.remindHoursBefore(),
                b.minTurnoutPercent(), b.majorityPercent(), b.openedAt(), b.closedAt(), b.remindedAt(), b.createdBy(),
                b.createdAt(), b.updatedAt());
    }

    private static void expectInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        expectCode(call, ErrorCode.INVALID_BALLOT_CHOICE);
    }

    private static void expectCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LinliException.class, ex -> assertThat(ex.code()).isEqualTo(code));
    }
}
