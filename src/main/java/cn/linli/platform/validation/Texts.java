package cn.linli.platform.validation;

import org.jspecify.annotations.Nullable;

/** Normalising typed text before it is validated: input records call these in their compact constructors. */
public final class Texts {

    /** Stripped; null stays null (so {@code @NotBlank} reports a missing value). */
    public static @Nullable String strip(@Nullable String value) {
        return value == null ? null : value.strip();
    }

    /** Stripped, and blank becomes null: for optional text. */
    public static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Texts() {
    }
}
