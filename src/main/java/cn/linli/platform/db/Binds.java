package cn.linli.platform.db;

import io.r2dbc.spi.Parameters;
import org.jspecify.annotations.Nullable;

/**
 * A bind value that may be null: {@code spec.bind("offering", Binds.nullable(offeringId, Long.class))}. The driver
 * needs the type of a null, so this one helper carries it instead of a {@code bind}/{@code bindNull} branch per column.
 */
public final class Binds {

    public static Object nullable(@Nullable Object value, Class<?> type) {
        return value != null ? value : Parameters.in(type);
    }

    private Binds() {
    }
}
