package cn.linli.privacy;

import java.time.Duration;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ends all sessions of an erased account. PostgreSQL decides (auth_session.ended_at); identity's short-lived Redis
 * cache of "is this session open" (key {@code linli:session-open:<id>}, 60 s) is told at once, inside the erasing
 * chain, so the old access token is refused from the next request on rather than a minute later. Were the
 * transaction to roll back, the cache would only send look-ups to PostgreSQL, which still says open.
 */
@Component
class SessionRevocation {

    private static final String CACHE_PREFIX = "linli:session-open:";
    private static final Duration CACHE_TTL = Duration.ofSeconds(60);

    private final ErasureRepository erasure;
    private final ReactiveStringRedisTemplate redis;

    SessionRevocation(ErasureRepository erasure, ReactiveStringRedisTemplate redis) {
        this.erasure = erasure;
        this.redis = redis;
    }

    Mono<Void> revokeAll(long accountId) {
        return erasure.revokeSessions(accountId)
                .concatMap(this::forget)
                .then(redis.delete("linli:wechat-session-key:" + accountId).onErrorResume(ex -> Mono.just(0L)))
                .then();
    }

    private Flux<Boolean> forget(String sessionId) {
        return redis.opsForValue().set(CACHE_PREFIX + sessionId, "0", CACHE_TTL).onErrorResume(ex -> Mono.just(false)).flux();
    }
}
