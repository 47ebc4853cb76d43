package cn.linli.platform.validation;

import org.jspecify.annotations.Nullable;

/** Normalising typed text before it is validated: input records call these in their compact constructors. */
public final class Texts {

    /**
     * Stripped of white space and of invisible format characters (zero-width space and joiners, BOM, direction
     * marks) at both ends, so that text made only of them counts as blank; null stays null (so {@code @NotBlank}
     * reports a missing value). Format characters inside the text stay (an emoji's zero-width joiner is one).
     */
    public static @Nullable String strip(@Nullable String value) {
        if (value == null) {
            return null;
        }
        int start = 0;
        int end = value.length();
        while (start < end && invisible(value.charAt(start))) {
            start++;
        }
        while (end > start && invisible(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    /** Stripped as {@link #strip}, and blank becomes null: for optional text. */
    public static @Nullable String blankToNull(@Nullable String value) {
        String stripped = strip(value);
        return stripped == null || stripped.isEmpty() ? null : stripped;
    }

    private static boolean invisible(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }

    private Texts() {
    }
}
