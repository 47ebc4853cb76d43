package cn.linli.community;

import java.time.Instant;

import cn.linli.platform.pagination.Keyset;

/** 户. {@code label} is the address within the community, e.g. 锦江苑 3栋2单元501. */
public record Household(long id, long unitId, long communityId, String room, String label, Instant createdAt) {

    Keyset position() {
        return new Keyset(createdAt, id);
    }
}
