package cn.linli.need;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One step of a need's timeline: what happened, who did it (nickname; null for the system), and a note. */
record NeedEvent(long id, long needId, NeedAction action, NeedActor actorKind, @Nullable String actorName,
                 @Nullable NeedStatus fromStatus, NeedStatus toStatus, @Nullable String note, Instant createdAt) {
}
