package cn.linli.community;

import java.time.Instant;

import cn.linli.platform.pagination.Keyset;
import org.jspecify.annotations.Nullable;

/**
 * 户. {@code label} is the address within the community, e.g. 锦江苑 3栋2单元501. A retired household ({@code retiredAt}
 * set) stays readable for the orders that name it, but takes no new orders.
 */
public record Household(long id, long unitId, long communityId, String room, String label, Instant createdAt,
                        @Nullable Instant retiredAt) implements Place {

    /**
     * The label in SQL, over a household {@code h} joined to its unit {@code u}, building {@code b} and estate
     * {@code e}: every statement that shows a household builds it with this, so the address reads the same everywhere.
     */
    public static final String LABEL_SQL = "e.name || ' ' || b.name || u.name || h.room";


    /** A household in use (kept for callers written before households could be retired). */
    public Household(long id, long unitId, long communityId, String room, String label, Instant createdAt) {
        this(id, unitId, communityId, room, label, createdAt, null);
    }

    Keyset position() {
        return new Keyset(createdAt, id);
    }
}
