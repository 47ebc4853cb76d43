package cn.linli.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Access-token signing. The secret has no default anywhere in the main jar: it comes from {@code LINLI_JWT_SECRET}
 * in production and from the test-scope dev launcher in development.
 *
 * @param secret          HMAC-SHA256 key, at least 32 bytes
 * @param issuer          {@code iss} claim, checked on every request
 * @param accessTokenTtl  lifetime of an access token (short: ending a session ends its tokens, see SessionRegistry)
 * @param refreshTokenTtl idle lifetime of a refresh session; each rotation extends it
 */
@ConfigurationProperties("linli.jwt")
public record JwtProperties(String secret, String issuer, Duration accessTokenTtl, Duration refreshTokenTtl) {

    public JwtProperties {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("linli.jwt.secret is not set: set the LINLI_JWT_SECRET environment variable");
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("linli.jwt.secret must be at least 32 bytes long");
        }
    }

    public byte[] secretBytes() {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "JwtProperties[issuer=" + issuer + ", accessTokenTtl=" + accessTokenTtl + ", secret=***]";
    }
}
