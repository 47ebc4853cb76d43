package cn.linli.timebank;

import java.time.Instant;

import cn.linli.platform.pagination.Keyset;
import org.jspecify.annotations.Nullable;

/** A volunteer activity with its places; {@code signedUp} never exceeds {@code slots}. */
public record VolunteerActivity(long id, long communityId, String title, @Nullable String description, String place,
                                Instant startsAt, Instant endsAt, int slots, int signedUp, int pointsPerHour,
                                Instant createdAt) {

    Keyset position() {
        return new Keyset(createdAt, id);
    }
}
