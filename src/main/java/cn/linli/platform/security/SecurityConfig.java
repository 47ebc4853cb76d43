package cn.linli.platform.security;


import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.HttpErrorResponses;
import cn.linli.platform.graphql.LiveConnections;
import cn.linli.platform.graphql.LiveProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.server.webflux.AuthenticationWebSocketInterceptor;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Bearer-token security for the GraphQL API. {@code /graphql} admits anonymous requests because login itself is a
 * mutation; every resolver that needs an account asks {@link Viewers} and fails with {@code UNAUTHENTICATED}. A token
 * that is present but bad (forged, expired, revoked) is refused outright with 401 and a GraphQL-shaped error body.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return http
                // bearer tokens, not cookies: CSRF protection would only make every POST /graphql a 403
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/graphql", "/graphql/**").permitAll()
                        // WeChat Pay calls this; it proves itself by signing the body, checked by the handler
                        .pathMatchers(HttpMethod.POST, "/wechat/pay/notify", "/wechat/pay/refund-notify").permitAll()
                        .pathMatchers(HttpMethod.POST, "/photos").authenticated()
                        // household spreadsheets: who may (staff of the community) is checked by the handler
                        .pathMatchers(HttpMethod.POST, "/imports/households").authenticated()
                        .pathMatchers(HttpMethod.GET, "/exports/households").authenticated()
                        .pathMatchers(HttpMethod.GET, "/exports/my-data.json", "/exports/my-data.xlsx").authenticated()
                        // <image> tags cannot send a token: photo URLs carry a signature, checked by the handler
                        .pathMatchers(HttpMethod.GET, "/photos/*").permitAll()
                        .pathMatchers(HttpMethod.GET, "/graphiql", "/graphiql/**").permitAll()
                        // the staff console's static app (cn.linli.console): it logs in by scanning, then sends tokens
                        .pathMatchers(HttpMethod.GET, "/console", "/console/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .anyExchange().denyAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(rolesConverter()))
                        .authenticationEntryPoint(unauthenticated()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated())
                        .accessDeniedHandler(forbidden()))
                .build();
    }

    @Bean
    SecretKey jwtSigningKey(JwtProperties properties) {
        return new SecretKeySpec(properties.secretBytes(), "HmacSHA256");
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
        return NimbusJwtEncoder.withSecretKey(jwtSigningKey).algorithm(MacAlgorithm.HS256).build();
    }

    /** Signature, expiry, issuer, then the session must not have been revoked (logout, refresh-token reuse). */
    @Bean
    ReactiveJwtDecoder jwtDecoder(SecretKey jwtSigningKey, JwtProperties properties, SessionRegistry sessions) {
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withSecretKey(jwtSigningKey)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        nimbus.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
        return token -> nimbus.decode(token).flatMap(jwt -> {
            String sessionId = jwt.getClaimAsString(Viewers.SESSION_CLAIM);
            if (sessionId == null) {
                return Mono.error(new BadJwtException("access token without a session"));
            }
            return sessions.isOpen(sessionId).flatMap(open -> open
                    ? Mono.just(jwt)
                    : Mono.error(new BadJwtException("session ended")));
        });
    }

    /**
     * Subscriptions authenticate once, at {@code connection_init}: the client sends
     * {@code {"Authorization": "Bearer …"}} as the payload. A bad token closes the connection; so does, later, the end
     * of its session or the expiry of its token ({@link LiveConnections}).
     */
    @Bean
    LiveConnections webSocketAuthentication(ReactiveJwtDecoder decoder, SessionRegistry sessions, LiveProperties live) {
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
        manager.setJwtAuthenticationConverter(rolesConverter());
        return new LiveConnections(
                new AuthenticationWebSocketInterceptor(new BearerTokenAuthenticationExtractor(), manager), sessions, live);
    }

    private static ReactiveJwtAuthenticationConverterAdapter rolesConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(Viewers.ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    /**
     * 401 for the API's own paths; every other path is denied by default and answers 404 as if it did not exist (it
     * does not, or is an actuator endpoint strangers should not learn about), so a mistyped path is not "登录已失效".
     */
    private static ServerAuthenticationEntryPoint unauthenticated() {
        return (exchange, ex) -> isApiPath(exchange)
                ? HttpErrorResponses.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED,
                "登录已失效，请重新登录")
                : notFound(exchange);
    }

    private static ServerAccessDeniedHandler forbidden() {
        return (exchange, ex) -> isApiPath(exchange)
                ? HttpErrorResponses.write(exchange.getResponse(), HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN,
                ErrorCode.FORBIDDEN.defaultMessage())
                : notFound(exchange);
    }

    private static boolean isApiPath(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return path.equals("/graphql") || path.startsWith("/graphql/") || path.equals("/photos") || path.startsWith("/photos/")
                || path.equals("/imports/households") || path.equals("/exports/households")
                || path.startsWith("/exports/my-data.");
    }

    private static Mono<Void> notFound(ServerWebExchange exchange) {
        return HttpErrorResponses.write(exchange.getResponse(), HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, "接口不存在");
    }
}
