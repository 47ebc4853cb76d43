package cn.linli.need;

import java.time.Instant;
import java.time.LocalDate;

import cn.linli.platform.pagination.Keyset;

/** A joint meeting (联席会议) of a community. */
record NeedMeeting(long id, long communityId, String title, LocalDate meetsOn, Instant createdAt) {

    Keyset position() {
        return new Keyset(createdAt, id);
    }
}
