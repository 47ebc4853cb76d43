package cn.linli.ballot;

import java.time.Instant;

import cn.linli.platform.pagination.Keyset;
import org.jspecify.annotations.Nullable;

/**
 * A ballot row. {@code openedAt} is when it really opened: members verified before it may vote. The pass rule
 * ({@code minTurnoutPercent}, {@code majorityPercent}) is copied from the community's rule when the ballot is made.
 */
record Ballot(long id, long communityId, BallotKind kind, PickMode pickMode, int maxPicks, String title,
              @Nullable String description, @Nullable BallotSubjectKind subjectKind, @Nullable Long subjectId,
              BallotStatus status, Instant opensAt, Instant closesAt, int remindHoursBefore, int minTurnoutPercent,
              int majorityPercent, @Nullable Instant openedAt, @Nullable Instant closedAt,
              @Nullable Instant remindedAt, @Nullable Long createdBy, Instant createdAt, Instant updatedAt) {

    Keyset position() {
        return new Keyset(createdAt, id);
    }

    /** Taking votes now: open, and its closing time not yet passed (a late timer does not extend it). */
    boolean takesVotes(Instant now) {
        return status == BallotStatus.OPEN && now.isBefore(closesAt);
    }

    /** When the reminder to households that have not voted goes out; null when none is wanted. */
    @Nullable Instant remindAt() {
        return remindHoursBefore == 0 ? null : closesAt.minusSeconds(remindHoursBefore * 3600L);
    }
}
