package cn.linli.platform.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.linli.platform.error.LinliException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/** Reads the {@link Viewer} from the reactive security context (Spring for GraphQL propagates it to resolvers). */
public final class Viewers {

    public static final String ROLES_CLAIM = "roles";
    public static final String SESSION_CLAIM = "sid";

    /** The viewer, or an {@code UNAUTHENTICATED} error when the request carries no valid access token. */
    public static Mono<Viewer> current() {
        return optional().switchIfEmpty(Mono.error(LinliException::unauthenticated));
    }

    /** The viewer, or empty for an anonymous request. */
    public static Mono<Viewer> optional() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .flatMap(authentication -> Mono.justOrEmpty(fromAuthentication(authentication)));
    }

    static @Nullable Viewer fromAuthentication(@Nullable Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token) || !token.isAuthenticated()) {
            return null;
        }
        return fromJwt(token.getToken());
    }

    public static Viewer fromJwt(Jwt jwt) {
        List<String> names = jwt.getClaimAsStringList(ROLES_CLAIM);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String name : names) {
                roles.add(Role.valueOf(name));
            }
        }
        String sessionId = jwt.getClaimAsString(SESSION_CLAIM);
        return new Viewer(Long.parseLong(jwt.getSubject()), Set.copyOf(roles), sessionId == null ? "" : sessionId);
    }

    private Viewers() {
    }
}
