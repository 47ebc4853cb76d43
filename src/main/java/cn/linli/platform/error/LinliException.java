package cn.linli.platform.error;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A failure the client is told about: a stable {@link ErrorCode}, a Chinese message for people, and optional
 * extensions (for example the {@code field} a validation error is about). Anything else that escapes a resolver is
 * reported as {@link ErrorCode#INTERNAL} with a correlation id.
 */
public class LinliException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> extensions;

    public LinliException(ErrorCode code) {
        this(code, code.defaultMessage(), Map.of(), null);
    }

    public LinliException(ErrorCode code, String message) {
        this(code, message, Map.of(), null);
    }

    public LinliException(ErrorCode code, String message, Map<String, Object> extensions, @Nullable Throwable cause) {
        super(message, cause);
        this.code = code;
        this.extensions = Map.copyOf(extensions);
    }

    public static LinliException unauthenticated() {
        return new LinliException(ErrorCode.UNAUTHENTICATED);
    }

    /**
     * An unexpected failure as the client sees it: {@code INTERNAL} with a fresh correlation id in the message and
     * extensions. Log the cause with {@link #correlationId()}; never show it.
     */
    public static LinliException internal(@Nullable Throwable cause) {
        String correlationId = UUID.randomUUID().toString().substring(0, 8);
        return new LinliException(ErrorCode.INTERNAL, ErrorCode.INTERNAL.defaultMessage() + "（错误编号 " + correlationId + "）",
                Map.of("correlationId", correlationId), cause);
    }

    /** The correlation id of an {@link #internal} failure, or null. */
    public @Nullable String correlationId() {
        return (String) extensions.get("correlationId");
    }

    public static LinliException forbidden() {
        return new LinliException(ErrorCode.FORBIDDEN);
    }

    public static LinliException notFound(String what) {
        return new LinliException(ErrorCode.NOT_FOUND, what + "不存在");
    }

    /** A bad input value; {@code field} is the input path the client sent, e.g. {@code input.nickname}. */
    public static LinliException invalid(String field, String message) {
        return new LinliException(ErrorCode.VALIDATION_FAILED, message, Map.of("field", field), null);
    }

    public ErrorCode code() {
        return code;
    }

    /** Extensions to add beside {@code code}, in a stable order. */
    public Map<String, Object> extensions() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("code", code.name());
        all.putAll(extensions);
        return all;
    }
}
