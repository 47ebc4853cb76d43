package cn.linli.need;

import java.time.Instant;
import java.util.List;

import cn.linli.platform.pagination.Keyset;
import org.jspecify.annotations.Nullable;

/**
 * A need row (mapped by column name) with its community's street, where it is (estate or building name; null when it
 * is about the household itself) and how many households support it. Photo ids never leave the server.
 */
public record Need(long id, long communityId, long streetId, long householdId, @Nullable Long estateId,
                   @Nullable Long buildingId, @Nullable String placeName, long submittedBy, boolean collectedByStaff,
                   String description, List<Long> photoIds, NeedStatus status, @Nullable NeedKind kind,
                   @Nullable NeedLevel level, @Nullable Instant dueAt, @Nullable Long mergedInto,
                   @Nullable Long orderId, @Nullable Long meetingId, @Nullable Instant escalatedAt, int supporterCount,
                   String requestHash, Instant createdAt, Instant updatedAt) {

    Keyset position() {
        return new Keyset(createdAt, id);
    }

    /** Past its due date while the community still holds it (escalated or taken into a project, it is not). */
    boolean overdue(Instant now) {
        return dueAt != null && status.open() && status != NeedStatus.ESCALATED && status != NeedStatus.IN_PROJECT
                && dueAt.isBefore(now);
    }

    /** Needs compare by id: GraphQL batch loading keys on them, and a reloaded row is the same need. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Need need && need.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}
