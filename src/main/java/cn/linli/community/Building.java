package cn.linli.community;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** 楼栋. */
public record Building(long id, long estateId, long communityId, String name, @Nullable Instant retiredAt)
        implements Place {
}
