package cn.linli.community;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** 单元. */
public record Unit(long id, long buildingId, long communityId, String name, @Nullable Instant retiredAt)
        implements Place {
}
