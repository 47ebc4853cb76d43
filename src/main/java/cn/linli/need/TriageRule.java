package cn.linli.need;

import org.jspecify.annotations.Nullable;

/** How long a need of this kind and level may take; {@code communityId} null for the default rule. */
record TriageRule(@Nullable Long communityId, NeedKind kind, NeedLevel level, long dueWithinSeconds) {
}
