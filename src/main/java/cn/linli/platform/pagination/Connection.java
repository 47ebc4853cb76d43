package cn.linli.platform.pagination;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/** A Relay-style page: the schema's {@code XConnection} types map onto this record. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, @Nullable String endCursor) {
    }

    /** @param rows up to {@code page.limitPlusOne()} rows in keyset order; the extra one only says "more follow" */
    public static <T> Connection<T> of(List<T> rows, PageRequest page, Function<T, Keyset> position) {
        boolean hasNext = rows.size() > page.first();
        List<Edge<T>> edges = rows.stream()
                .limit(page.first())
                .map(row -> new Edge<>(position.apply(row).encode(), row))
                .toList();
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Connection<>(edges, new PageInfo(hasNext, endCursor));
    }
}
