package cn.linli.privacy;

import java.time.Instant;

import cn.linli.platform.pagination.Keyset;
import org.jspecify.annotations.Nullable;

/** One record of someone reading the person's data (schema {@code DataAccess}). */
record DataAccess(long id, @Nullable String viewerNickname, DataAccessKind what, Instant accessedAt) {

    Keyset position() {
        return new Keyset(accessedAt, id);
    }
}
