package cn.linli.platform.pagination;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

import cn.linli.platform.error.LinliException;

/**
 * {@code first}/{@code after} of a connection, checked, and the one way every repository pages by keyset on
 * {@code (created_at, id)}: put {@link #after(String)} (oldest first) or {@link #before(String)} (newest first) in the
 * {@code where} clause, end with {@code limit :limit}, and {@link #bind} the spec. Repositories fetch
 * {@link #limitPlusOne()} rows so the page knows whether another follows without a second query.
 */
public record PageRequest(int first, @Nullable Keyset after) {

    public static final int MAX_PAGE_SIZE = 100;

    public static PageRequest of(@Nullable Integer first, @Nullable String after) {
        int size = first == null ? 20 : first;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw LinliException.invalid("first", "每页数量必须在 1 到 " + MAX_PAGE_SIZE + " 之间");
        }
        return new PageRequest(size, after == null || after.isEmpty() ? null : Keyset.decode(after, "after"));
    }

    public int limitPlusOne() {
        return first + 1;
    }

    /** Rows after the cursor in ascending {@code (created_at, id)} order; {@code alias} is e.g. {@code "o."} or "". */
    public static String after(String alias) {
        return "(cast(:afterTime as timestamptz) is null or (" + alias + "created_at, " + alias + "id) > (:afterTime, :afterId))";
    }

    /** Rows after the cursor in descending order (newest first). */
    public static String before(String alias) {
        return "(cast(:afterTime as timestamptz) is null or (" + alias + "created_at, " + alias + "id) < (:afterTime, :afterId))";
    }

    /** Binds {@code :afterTime}, {@code :afterId} and {@code :limit}. */
    public GenericExecuteSpec bind(GenericExecuteSpec spec) {
        return spec.bind("afterTime", cn.linli.platform.db.Binds.nullable(after == null ? null : after.createdAt(), java.time.Instant.class))
                .bind("afterId", cn.linli.platform.db.Binds.nullable(after == null ? null : after.id(), Long.class))
                .bind("limit", limitPlusOne());
    }
}
