package cn.linli.platform.observability;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * The management port (actuator: health, prometheus) is an internal port: published to the monitoring network only,
 * never to the internet (docker-compose.yml). Requests that arrive on it are let through to the actuator endpoints by
 * this chain, ahead of the API's chain (platform/security), which answers 404 for every {@code /actuator} path but
 * health and info on the public port. Matching is by the local port the request arrived on, which a caller of the
 * public port cannot choose. Without a separate management port (development) this chain matches nothing: Boot then aliases
 * {@code local.management.port} to the public port, which must not open the API's port.
 */
@Configuration(proxyBeanMethods = false)
class ManagementPortSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain managementPortChain(ServerHttpSecurity http, Environment environment) {
        return http
                .securityMatcher(onManagementPort(environment))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator", "/actuator/**").permitAll()
                        .anyExchange().denyAll())
                .build();
    }

    private static ServerWebExchangeMatcher onManagementPort(Environment environment) {
        ManagementPort port = new ManagementPort(environment);
        return exchange -> {
            var local = exchange.getRequest().getLocalAddress();
            Integer management = port.get();
            return management != null && local != null && local.getPort() == management
                    ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    /** The port the management server listens on, known once it started (it may be chosen at random). */
    private static final class ManagementPort {

        private static final int UNKNOWN = 0;
        private static final int SHARED = -1;

        private final Environment environment;
        private volatile int port = UNKNOWN;

        ManagementPort(Environment environment) {
            this.environment = environment;
        }

        /** Null until both servers started, and whenever management shares the public port (then nothing matches). */
        @Nullable Integer get() {
            int known = port;
            if (known == UNKNOWN) {
                Integer management = environment.getProperty("local.management.port", Integer.class);
                Integer server = environment.getProperty("local.server.port", Integer.class);
                if (management == null || server == null) {
                    return null;
                }
                known = management.equals(server) ? SHARED : management;
                port = known;
            }
            return known == SHARED ? null : known;
        }
    }
}
