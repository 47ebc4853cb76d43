package cn.linli.audit;

import java.time.Instant;

import cn.linli.platform.pagination.Keyset;
import org.jspecify.annotations.Nullable;

/** A recorded change, as read back; {@code before}/{@code after} are JSON text. */
public record AuditEntry(long id, @Nullable Long communityId, @Nullable Long actorId, @Nullable String actorNickname,
                         AuditSubject subject, long subjectId, AuditAction action, @Nullable String before,
                         @Nullable String after, Instant createdAt) {

    Keyset position() {
        return new Keyset(createdAt, id);
    }
}
