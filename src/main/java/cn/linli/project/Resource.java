package cn.linli.project;

import java.time.Instant;

import cn.linli.platform.pagination.Keyset;
import org.jspecify.annotations.Nullable;

/**
 * A resource offered to a community (资源清单): by a partner ({@code partnerId}, its name in {@code offeredByName}) or
 * by a named unit (驻区单位, {@code unitName}, recorded by staff). {@code offeredBy} is the account that offered it.
 */
record Resource(long id, long communityId, ResourceKind kind, String title, @Nullable String description,
                long quantity, String unit, @Nullable Long partnerId, @Nullable String unitName, String offeredByName,
                long offeredBy, ResourceStatus status, @Nullable Long projectId, Instant createdAt,
                Instant updatedAt) {

    Keyset position() {
        return new Keyset(createdAt, id);
    }
}
