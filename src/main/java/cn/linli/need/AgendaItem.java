package cn.linli.need;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A need on a meeting's agenda, and once decided, what the meeting resolved. */
record AgendaItem(long meetingId, long needId, @Nullable AgendaOutcome outcome, @Nullable String resolution,
                  @Nullable Instant decidedAt) {
}
