package cn.linli.platform.error;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Input checks that name the offending field, in Chinese, the same way everywhere. */
public final class Check {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n]]");

    /** Required text, trimmed, 1..max characters, no control characters (newlines allowed). */
    public static String text(@Nullable String value, String field, String label, int max) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw LinliException.invalid(field, "请填写" + label);
        }
        return optionalText(trimmed, field, label, max);
    }

    /** Optional text: null or blank stays null; otherwise as {@link #text}. */
    public static @Nullable String optionalText(@Nullable String value, String field, String label, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > max) {
            throw LinliException.invalid(field, label + "不能超过 " + max + " 个字");
        }
        if (CONTROL.matcher(trimmed).find()) {
            throw LinliException.invalid(field, label + "包含无效字符");
        }
        return trimmed;
    }

    public static int range(int value, String field, String label, int min, int max) {
        if (value < min || value > max) {
            throw LinliException.invalid(field, label + "须在 " + min + " 到 " + max + " 之间");
        }
        return value;
    }

    public static @Nullable String phone(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String phone = value.strip();
        if (!phone.matches("[0-9-]{5,20}")) {
            throw LinliException.invalid(field, "电话号码格式不正确");
        }
        return phone;
    }

    private Check() {
    }
}
