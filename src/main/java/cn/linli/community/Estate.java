package cn.linli.community;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** 小区/院落. */
public record Estate(long id, long communityId, String name, @Nullable Instant retiredAt) implements Place {
}
