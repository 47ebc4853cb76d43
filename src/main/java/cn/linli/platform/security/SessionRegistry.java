package cn.linli.platform.security;

import reactor.core.publisher.Mono;

/**
 * Whether the session an access token belongs to is still open. Access tokens are stateless JWTs; this is how a
 * logout (or a stolen refresh token being reused) ends them at once. Implemented by the identity feature, which
 * keeps sessions in PostgreSQL; the answer never depends on Redis alone.
 */
public interface SessionRegistry {

    Mono<Boolean> isOpen(String sessionId);
}
