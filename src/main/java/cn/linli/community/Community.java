package cn.linli.community;

import java.time.Instant;

import cn.linli.platform.pagination.Keyset;
import org.jspecify.annotations.Nullable;

/** 社区. */
public record Community(long id, long streetId, String name, @Nullable String address, Instant createdAt,
                        @Nullable Instant retiredAt) implements Place {

    Keyset position() {
        return new Keyset(createdAt, id);
    }
}
