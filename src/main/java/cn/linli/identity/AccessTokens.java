package cn.linli.identity;

import java.time.Instant;

import cn.linli.platform.security.JwtProperties;
import cn.linli.platform.security.Viewers;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Signs short-lived access tokens: the account, its roles and the session they belong to. */
@Component
class AccessTokens {

    private final JwtEncoder encoder;
    private final JwtProperties properties;

    AccessTokens(JwtEncoder encoder, JwtProperties properties) {
        this.encoder = encoder;
        this.properties = properties;
    }

    String issue(Account account, String sessionId) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(Long.toString(account.id()))
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .claim(Viewers.ROLES_CLAIM, account.roles().stream().map(Enum::name).sorted().toList())
                .claim(Viewers.SESSION_CLAIM, sessionId)
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    int lifetimeSeconds() {
        return (int) properties.accessTokenTtl().toSeconds();
    }
}
