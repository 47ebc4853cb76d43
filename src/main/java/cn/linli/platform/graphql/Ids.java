package cn.linli.platform.graphql;

import java.util.Collection;

import cn.linli.platform.error.LinliException;
import org.jspecify.annotations.Nullable;

/** GraphQL {@code ID}s are strings on the wire and numbers in the database; a bad one is the client's error. */
public final class Ids {

    public static long parse(@Nullable String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw LinliException.invalid(field, "缺少编号：" + field);
        }
        try {
            long id = Long.parseLong(raw.trim());
            if (id <= 0) {
                throw new NumberFormatException(raw);
            }
            return id;
        } catch (NumberFormatException ex) {
            throw LinliException.invalid(field, "编号格式不正确：" + field);
        }
    }

    public static @Nullable Long parseOptional(@Nullable String raw, String field) {
        return raw == null ? null : parse(raw, field);
    }

    /** For {@code = any(:ids)} binds. */
    public static Long[] array(Collection<Long> ids) {
        return ids.stream().distinct().toArray(Long[]::new);
    }

    private Ids() {
    }
}
