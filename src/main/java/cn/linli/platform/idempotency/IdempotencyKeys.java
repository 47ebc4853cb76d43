package cn.linli.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import java.util.Map;
import java.util.function.Supplier;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** Client idempotency keys and request fingerprints, the same way for every mutation that takes them. */
public final class IdempotencyKeys {

    /** The client's key, checked (8–100 characters, field {@code input.idempotencyKey}) and trimmed. */
    public static String checked(@Nullable String key) {
        String trimmed = key == null ? "" : key.strip();
        if (trimmed.length() < 8 || trimmed.length() > 100) {
            throw LinliException.invalid("input.idempotencyKey", "请求编号须为 8 到 100 个字符");
        }
        return trimmed;
    }

    /** The client's key scoped to the person who sent it, for tables where keys are unique across everyone. */
    public static String scoped(Viewer viewer, @Nullable String key) {
        return "u" + viewer.accountId() + ":" + checked(key);
    }

    /**
     * A request whose key was seen before: the same request (same fingerprint) gets the first result again, another
     * request under the same key is {@code IDEMPOTENCY_KEY_REUSED} on {@code input.idempotencyKey}.
     */
    public static <T> Mono<T> ifSameRequest(String storedHash, String requestHash, Supplier<Mono<T>> firstResult) {
        return storedHash.equals(requestHash) ? firstResult.get() : Mono.error(reused());
    }

    /** The key came with a different request than the first time. */
    public static LinliException reused() {
        return new LinliException(ErrorCode.IDEMPOTENCY_KEY_REUSED, ErrorCode.IDEMPOTENCY_KEY_REUSED.defaultMessage(),
                Map.of("field", "input.idempotencyKey"), null);
    }

    /** SHA-256 in hex: fingerprints of requests (a reused key with another request) and stored secrets. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private IdempotencyKeys() {
    }
}
