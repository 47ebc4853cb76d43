package cn.linli.community;

import cn.linli.platform.error.LinliException;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a person typed into a search box into a "contains" pattern for {@code ilike … escape '\'}: trimmed, with
 * LIKE's own wildcards ({@code %}, {@code _}) and the escape character taken literally, so 100% finds "100%" and not
 * everything. Blank means no search.
 */
final class LikePatterns {

    static final int MAX_LENGTH = 100;

    static @Nullable String contains(@Nullable String typed, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip();
        if (text.length() > MAX_LENGTH) {
            throw LinliException.invalid(field, "搜索内容不能超过 " + MAX_LENGTH + " 个字");
        }
        StringBuilder pattern = new StringBuilder(text.length() + 2).append('%');
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '%' || c == '_') {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    private LikePatterns() {
    }
}
