package cn.linli.identity;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import cn.linli.platform.idempotency.IdempotencyKeys;
import cn.linli.platform.security.JwtProperties;
import cn.linli.platform.security.SessionRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Login sessions, recorded in PostgreSQL. A refresh token is {@code <sessionId>.<secret>}; the table keeps only a hash
 * of the secret, and each refresh replaces it with a conditional update, so a token works once. Presenting a retired
 * secret means the token was copied: the whole session ends, the thief's copy and the owner's alike.
 * <p>
 * Every request's access token asks {@link #isOpen}. Redis caches the answer briefly ({@link #CACHE_TTL}), written
 * when a session opens, refreshes or ends and after each look-up; a missing, emptied or unreachable Redis only sends
 * the question to PostgreSQL, so it can never revive an ended session.
 */
@Component
class AuthSessions implements SessionRegistry {

    private static final Logger log = LoggerFactory.getLogger(AuthSessions.class);
    private static final String CACHE_PREFIX = "linli:session-open:";
    /** How long an instance may trust a cached "open" after a logout whose cache update failed (Redis down then). */
    static final Duration CACHE_TTL = Duration.ofSeconds(60);

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

    private final SecureRandom random = new SecureRandom();
    private final AuthSessionRepository sessions;
    private final ReactiveStringRedisTemplate redis;
    private final Duration ttl;

    AuthSessions(AuthSessionRepository sessions, ReactiveStringRedisTemplate redis, JwtProperties jwt) {
        this.sessions = sessions;
        this.redis = redis;
        this.ttl = jwt.refreshTokenTtl();
    }

    /** Starts a session for the account and returns its first refresh token. */
    Mono<Rotation.Rotated> open(long accountId) {
        String sessionId = randomToken(16);
        String secret = randomToken(32);
        return sessions.insert(sessionId, accountId, IdempotencyKeys.sha256(secret), ttl)
                .then(remember(sessionId, true))
                .thenReturn(new Rotation.Rotated(accountId, sessionId, sessionId + "." + secret));
    }

    Mono<Rotation> rotate(String refreshToken) {
        Parsed parsed = parse(refreshToken);
        if (parsed == null) {
            return Mono.just(new Rotation.Unknown());
        }
        String presented = IdempotencyKeys.sha256(parsed.secret());
        String secret = randomToken(32);
        return sessions.rotate(parsed.sessionId(), presented, IdempotencyKeys.sha256(secret), ttl)
                .flatMap(accountId -> remember(parsed.sessionId(), true).thenReturn(accountId))
                .<Rotation>map(accountId -> new Rotation.Rotated(accountId, parsed.sessionId(), parsed.sessionId() + "." + secret))
                .switchIfEmpty(Mono.defer(() -> notRotated(parsed.sessionId(), presented)));
    }

    /** A secret that is no longer current on an open session is a copied token: end the session. */
    private Mono<Rotation> notRotated(String sessionId, String presented) {
        return sessions.find(sessionId, presented)
                .filter(found -> found.open() && !found.current())
                .flatMap(found -> end(sessionId, null, "REUSED").thenReturn((Rotation) new Rotation.Reused(sessionId)))
                .defaultIfEmpty(new Rotation.Unknown());
    }

    /** Ends the session of this token (for the holder of its current secret); whether it ended one. Idempotent. */
    Mono<Boolean> end(String refreshToken) {
        Parsed parsed = parse(refreshToken);
        if (parsed == null) {
            return Mono.just(false);
        }
        return end(parsed.sessionId(), IdempotencyKeys.sha256(parsed.secret()), "LOGOUT");
    }

    private Mono<Boolean> end(String sessionId, @Nullable String presentedHash, String reason) {
        return sessions.end(sessionId, presentedHash, reason)
                .flatMap(ended -> ended ? forget(sessionId).thenReturn(true) : Mono.just(false));
    }

    @Override
    public Mono<Boolean> isOpen(String sessionId) {
        return redis.opsForValue().get(CACHE_PREFIX + sessionId)
                .map("1"::equals)
                .onErrorResume(ex -> {
                    log.warn("Session cache unavailable, asking PostgreSQL: {}", ex.toString());
                    return Mono.empty();
                })
                .switchIfEmpty(Mono.defer(() -> sessions.openUntil(sessionId)
                        .hasElement()
                        .flatMap(open -> remember(sessionId, open).thenReturn(open))));
    }

    private Mono<Void> remember(String sessionId, boolean open) {
        return redis.opsForValue().set(CACHE_PREFIX + sessionId, open ? "1" : "0", CACHE_TTL)
                .onErrorResume(ex -> Mono.just(false))
                .then();
    }

    /** After an end: the cache says so at once (PostgreSQL already does; an unreachable Redis expires within CACHE_TTL). */
    private Mono<Void> forget(String sessionId) {
        return remember(sessionId, false);
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
