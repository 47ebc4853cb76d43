package cn.linli.platform.pagination;

import org.jspecify.annotations.Nullable;

import cn.linli.platform.error.LinliException;

/**
 * {@code first}/{@code after} of a connection, checked. Repositories fetch {@link #limitPlusOne()} rows so the
 * page knows whether another follows without a second query.
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
}
