package cn.linli.householdimport;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.HttpErrorResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The import/export endpoints need a bearer token, checked by the platform's decoder (signature, expiry, session not
 * revoked). The platform chain denies every path it does not know, so these paths get their own chain, matched first;
 * who may use them (staff of the community) is checked by the service. A platform change could instead list these
 * paths in the platform's SecurityConfig beside /photos.
 */
@Configuration(proxyBeanMethods = false)
class ImportSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain householdImportSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, ex) -> HttpErrorResponses.write(
                exchange.getResponse(), HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED, "登录已失效，请重新登录");
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/imports/households", "/exports/households"))
                // bearer tokens, not cookies: CSRF protection does not apply
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, "/imports/households").authenticated()
                        .pathMatchers(HttpMethod.GET, "/exports/households").authenticated()
                        .anyExchange().denyAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtDecoder(decoder))
                        .authenticationEntryPoint(unauthenticated))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((exchange, ex) -> HttpErrorResponses.write(exchange.getResponse(),
                                HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, ErrorCode.FORBIDDEN.defaultMessage())))
                .build();
    }
}
