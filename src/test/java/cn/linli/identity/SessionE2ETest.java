package cn.linli.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import cn.linli.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Access tokens, refresh rotation and logout, as a client experiences them. */
class SessionE2ETest extends IntegrationTest {

    @Autowired
    JwtEncoder appEncoder;

    @Test
    void refreshRotatesTheTokenAndTheOldOneIsRefused() {
        Login login = resident();

        GraphQlTester.Response refreshed = refresh(login.refreshToken());
        refreshed.errors().verify();
        String newAccess = refreshed.path("refreshSession.accessToken").entity(String.class).get();
        String newRefresh = refreshed.path("refreshSession.refreshToken").entity(String.class).get();
        refreshed.path("refreshSession.account.nickname").entity(String.class).isEqualTo("演示居民张阿姨");
        assertThat(newRefresh).isNotEqualTo(login.refreshToken());
        api(withToken(newAccess), "Me").execute().path("me.id").entity(String.class).isEqualTo(String.valueOf(login.accountId()));

        // the old token again: refused, and as it looks stolen the whole session ends (the new token too)
        expectUnauthenticated(refresh(login.refreshToken()));
        expectUnauthenticated(refresh(newRefresh));
        expectRejectedAtTheDoor(newAccess);
    }

    @Test
    void refreshTokenCanBeUsedManyTimesInSequence() {
        String refresh = family().refreshToken();
        for (int i = 0; i < 3; i++) {
            GraphQlTester.Response response = refresh(refresh);
            response.errors().verify();
            refresh = response.path("refreshSession.refreshToken").entity(String.class).get();
        }
    }

    @Test
    void garbageRefreshTokensAreUnauthenticated() {
        for (String token : List.of("nonsense", "a.b", ".", "x".repeat(300), UUID.randomUUID() + "." + UUID.randomUUID())) {
            expectUnauthenticated(refresh(token));
        }
    }

    @Test
    void logoutEndsTheSessionAndItsAccessTokens() {
        Login login = staff();
        Login otherDevice = staff();

        api(anonymous(), "Logout").variable("input", Map.of("refreshToken", login.refreshToken())).execute()
                .path("logout.success").entity(Boolean.class).isEqualTo(true);

        expectRejectedAtTheDoor(login.accessToken());
        expectUnauthenticated(refresh(login.refreshToken()));
        // logging out twice is not an error
        api(anonymous(), "Logout").variable("input", Map.of("refreshToken", login.refreshToken())).execute()
                .path("logout.success").entity(Boolean.class).isEqualTo(true);
        // the same person's other session is untouched
        api(otherDevice.client(), "Me").execute().errors().verify();
    }

    @Test
    void logoutNeedsTheRefreshTokenNotJustItsSessionId() {
        Login login = login("demo-staff-2");
        String sessionId = login.refreshToken().substring(0, login.refreshToken().indexOf('.'));
        api(anonymous(), "Logout").variable("input", Map.of("refreshToken", sessionId + ".guessed-secret")).execute()
                .path("logout.success").entity(Boolean.class).isEqualTo(true);
        api(login.client(), "Me").execute().errors().verify();
        refresh(login.refreshToken()).errors().verify();
    }

    @Test
    void meWithoutATokenIsUnauthenticated() {
        api(anonymous(), "Me").execute().errors()
                .expect(error -> "UNAUTHENTICATED".equals(error.getExtensions().get("code"))
                        && "请先登录".equals(error.getMessage()))
                .verify();
    }

    @Test
    void forgedExpiredAndTamperedTokensAreRejected() {
        Login login = resident();
        String[] parts = login.accessToken().split("\\.");
        String adminPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"RESIDENT\"", "\"ADMIN\"").getBytes(StandardCharsets.UTF_8));
        String tampered = parts[0] + "." + adminPayload + "." + parts[2];
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + parts[1] + ".";
        JwtEncoder foreignEncoder = NimbusJwtEncoder.withSecretKey(
                new SecretKeySpec("another-secret-another-secret-0123456789".getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .algorithm(MacAlgorithm.HS256).build();
        String otherKey = token(foreignEncoder, Instant.now().plusSeconds(600), "linli");
        String expired = token(appEncoder, Instant.now().minusSeconds(120), "linli");
        String wrongIssuer = token(appEncoder, Instant.now().plusSeconds(600), "someone-else");

        for (String bad : List.of(tampered, unsigned, otherKey, expired, wrongIssuer, "not-a-jwt")) {
            expectRejectedAtTheDoor(bad);
        }
        api(login.client(), "Me").execute().errors().verify();
    }

    /** A token for the demo resident, signed by {@code encoder}. */
    private String token(JwtEncoder encoder, Instant expiresAt, String issuer) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(String.valueOf(idOf("select id from account where openid = 'o-sandbox-demo-resident'")))
                .issuedAt(expiresAt.minusSeconds(900))
                .expiresAt(expiresAt)
                .claim("roles", List.of("ADMIN"))
                .claim("sid", "forged-session")
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    private GraphQlTester.Response refresh(String refreshToken) {
        return api(anonymous(), "RefreshSession").variable("input", Map.of("refreshToken", refreshToken)).execute();
    }

    private static void expectUnauthenticated(GraphQlTester.Response response) {
        response.errors().expect(error -> "UNAUTHENTICATED".equals(error.getExtensions().get("code"))).verify();
    }
}
