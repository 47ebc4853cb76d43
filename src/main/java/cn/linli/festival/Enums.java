package cn.linli.festival;

import java.util.Collection;

/** Enum values as SQL binds: {@code status = any(:from)} takes the names of the lifecycle's source states. */
final class Enums {

    static String[] names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toArray(String[]::new);
    }

    private Enums() {
    }
}
