package cn.linli.timebank;

import java.util.Map;
import java.util.function.Supplier;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import reactor.core.publisher.Mono;

/**
 * The one way the time bank answers a request whose idempotency key it has seen: the same request (same fingerprint)
 * gets the first result again; another request under the same key is {@code IDEMPOTENCY_KEY_REUSED}.
 */
final class Replays {

    static <T> Mono<T> ifSameRequest(String storedHash, String requestHash, Supplier<Mono<T>> firstResult) {
        return storedHash.equals(requestHash) ? firstResult.get() : Mono.error(keyReused());
    }

    static LinliException keyReused() {
        return new LinliException(ErrorCode.IDEMPOTENCY_KEY_REUSED, ErrorCode.IDEMPOTENCY_KEY_REUSED.defaultMessage(),
                Map.of("field", "input.idempotencyKey"), null);
    }

    private Replays() {
    }
}
