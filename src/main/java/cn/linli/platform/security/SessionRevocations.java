package cn.linli.platform.security;

import java.time.Duration;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sessions ended before their access tokens expire (logout, refresh-token reuse). Access tokens are stateless JWTs,
 * so each request checks its session id here; an entry lives only as long as an access token could.
 */
@Component
public class SessionRevocations {

    private static final String PREFIX = "linli:revoked-session:";

    private final ReactiveStringRedisTemplate redis;
    private final Duration accessTokenTtl;

    SessionRevocations(ReactiveStringRedisTemplate redis, JwtProperties jwt) {
        this.redis = redis;
        this.accessTokenTtl = jwt.accessTokenTtl();
    }

    public Mono<Void> revoke(String sessionId) {
        return redis.opsForValue().set(PREFIX + sessionId, "1", accessTokenTtl.plusMinutes(1)).then();
    }

    public Mono<Boolean> isRevoked(String sessionId) {
        return redis.hasKey(PREFIX + sessionId);
    }
}
