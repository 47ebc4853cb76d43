package cn.linli.ballot;

import org.jspecify.annotations.Nullable;

/** One option of a ballot, in its position (1-based); {@code subjectId} names e.g. a need or a project. */
record BallotOption(long id, long ballotId, int position, String label, @Nullable Long subjectId) {
}
