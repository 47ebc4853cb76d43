package cn.linli.timebank;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A person signed up for an activity, and their recorded attendance. */
public record VolunteerSignup(long activityId, long accountId, @Nullable String nickname, Instant signedUpAt,
                              @Nullable Integer attendedMinutes) {
}
