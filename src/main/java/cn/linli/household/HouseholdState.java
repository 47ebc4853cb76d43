package cn.linli.household;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** What the membership rules need to know of a household: its community, whether retired, and its head. */
record HouseholdState(long id, long communityId, @Nullable Instant retiredAt, @Nullable Long headId) {

    boolean retired() {
        return retiredAt != null;
    }
}
