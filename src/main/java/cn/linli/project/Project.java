package cn.linli.project;

import java.time.Instant;

import cn.linli.platform.pagination.Keyset;
import org.jspecify.annotations.Nullable;

/** A project row (项目清单) with how many committee members signed it off so far. */
record Project(long id, long communityId, String title, String goal, long budgetFen, ProjectStatus status,
               long createdBy, @Nullable Instant startedAt, @Nullable Instant submittedAt,
               @Nullable Instant completedAt, @Nullable Instant cancelledAt, @Nullable Long ballotId,
               int signOffCount, Instant createdAt, Instant updatedAt) {

    Keyset position() {
        return new Keyset(createdAt, id);
    }

    /** Projects compare by id: GraphQL batch loading keys on them. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Project project && project.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}
