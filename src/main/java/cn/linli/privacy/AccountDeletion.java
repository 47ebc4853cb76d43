package cn.linli.privacy;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An account deletion request row (schema {@code AccountDeletion}). */
record AccountDeletion(long id, long accountId, DeletionStatus status, Instant requestedAt, Instant dueAt,
                       @Nullable Instant cancelledAt) {
}
