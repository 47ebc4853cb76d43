package cn.linli.audit;

import org.jspecify.annotations.Nullable;

/**
 * One change to record. {@code before} and {@code after} are any values Jackson can write (records, maps); null when
 * there is nothing before (created) or after (removed).
 *
 * @param communityId the community whose staff may read the entry; null for platform-level changes (a new street)
 */
public record AuditChange(long actorId, @Nullable Long communityId, AuditSubject subject, long subjectId,
                          AuditAction action, @Nullable Object before, @Nullable Object after) {
}
