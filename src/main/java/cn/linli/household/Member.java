package cn.linli.household;

import java.time.Instant;

/** One person's membership of one household. */
record Member(long householdId, long accountId, boolean isHead, HouseholdRelation relation, Instant joinedAt) {
}
