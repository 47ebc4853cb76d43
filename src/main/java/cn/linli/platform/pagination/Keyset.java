package cn.linli.platform.pagination;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import cn.linli.platform.error.LinliException;

/**
 * A position in a list ordered by {@code (created_at, id)}: the stable order every growing list uses, so a page
 * boundary never skips or repeats a row when rows are inserted meanwhile. Clients see it only as an opaque cursor.
 */
public record Keyset(Instant createdAt, long id) {

    private static final String VERSION = "k1";

    public String encode() {
        String raw = VERSION + ":" + createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @param field the argument the cursor came in, named in the error when it is not one of ours */
    public static Keyset decode(String cursor, String field) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(":");
            if (parts.length != 4 || !parts[0].equals(VERSION)) {
                throw new IllegalArgumentException(raw);
            }
            Instant createdAt = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            return new Keyset(createdAt, Long.parseLong(parts[3]));
        } catch (IllegalArgumentException | java.time.DateTimeException ex) {
            throw LinliException.invalid(field, "分页游标无效，请从第一页重新加载");
        }
    }
}
