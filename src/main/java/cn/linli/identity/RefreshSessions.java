package cn.linli.identity;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import cn.linli.platform.idempotency.IdempotencyKeys;
import cn.linli.platform.security.JwtProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Refresh sessions in Redis. A refresh token is {@code <sessionId>.<secret>}; Redis keeps only a hash of the secret.
 * Each refresh replaces the secret atomically (a Lua script), so a token works once. Presenting a retired secret
 * means the token was copied: the whole session is ended, the thief's copy and the owner's alike.
 */
@Component
class RefreshSessions {

    /** The outcome of presenting a refresh token. */
    sealed interface Rotation {
        record Rotated(long accountId, String sessionId, String refreshToken) implements Rotation {
        }

        /** Unknown, expired or logged out. */
        record Unknown() implements Rotation {
        }

        /** A retired token was presented again: the session has been ended. */
        record Reused(String sessionId) implements Rotation {
        }
    }

    private static final String PREFIX = "linli:refresh-session:";

    /** KEYS[1] session; ARGV: presented hash, new hash, ttl seconds. Returns account id, 0 unknown, -1 reused. */
    private static final RedisScript<Long> ROTATE = RedisScript.of("""
            local current = redis.call('HGET', KEYS[1], 'hash')
            if not current then return 0 end
            if current ~= ARGV[1] then
                redis.call('DEL', KEYS[1])
                return -1
            end
            redis.call('HSET', KEYS[1], 'hash', ARGV[2])
            redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
            return tonumber(redis.call('HGET', KEYS[1], 'account'))
            """, Long.class);

    /** KEYS[1] session; ARGV[1] presented hash. Deletes the session only for the holder of its current token. */
    private static final RedisScript<Long> END = RedisScript.of("""
            if redis.call('HGET', KEYS[1], 'hash') == ARGV[1] then
                return redis.call('DEL', KEYS[1])
            end
            return 0
            """, Long.class);

    private final SecureRandom random = new SecureRandom();
    private final ReactiveStringRedisTemplate redis;
    private final Duration ttl;

    RefreshSessions(ReactiveStringRedisTemplate redis, JwtProperties jwt) {
        this.redis = redis;
        this.ttl = jwt.refreshTokenTtl();
    }

    /** Starts a session for the account and returns its first refresh token. */
    Mono<Rotation.Rotated> open(long accountId) {
        String sessionId = randomToken(16);
        String secret = randomToken(32);
        String key = PREFIX + sessionId;
        return redis.opsForHash().putAll(key, java.util.Map.of("account", Long.toString(accountId), "hash", IdempotencyKeys.sha256(secret)))
                .then(redis.expire(key, ttl))
                .thenReturn(new Rotation.Rotated(accountId, sessionId, sessionId + "." + secret));
    }

    Mono<Rotation> rotate(String refreshToken) {
        Parsed parsed = parse(refreshToken);
        if (parsed == null) {
            return Mono.just(new Rotation.Unknown());
        }
        String secret = randomToken(32);
        return redis.execute(ROTATE, List.of(PREFIX + parsed.sessionId()),
                        List.of(IdempotencyKeys.sha256(parsed.secret()), IdempotencyKeys.sha256(secret), Long.toString(ttl.toSeconds())))
                .next()
                .map(result -> {
                    if (result > 0) {
                        return new Rotation.Rotated(result, parsed.sessionId(), parsed.sessionId() + "." + secret);
                    }
                    return result < 0 ? new Rotation.Reused(parsed.sessionId()) : new Rotation.Unknown();
                });
    }

    /** Ends the session of this token; the session id when it ended one, empty otherwise. */
    Mono<String> end(String refreshToken) {
        Parsed parsed = parse(refreshToken);
        if (parsed == null) {
            return Mono.empty();
        }
        return redis.execute(END, List.of(PREFIX + parsed.sessionId()), List.of(IdempotencyKeys.sha256(parsed.secret())))
                .next()
                .filter(deleted -> deleted > 0)
                .map(deleted -> parsed.sessionId());
    }

    private record Parsed(String sessionId, String secret) {
    }

    private static @Nullable Parsed parse(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1 || token.length() > 200) {
            return null;
        }
        return new Parsed(token.substring(0, dot), token.substring(dot + 1));
    }

    private String randomToken(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

}
