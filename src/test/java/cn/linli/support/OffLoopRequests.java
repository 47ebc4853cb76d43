package cn.linli.support;

import java.time.Duration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * In the test server only: a request carrying {@link #HEADER} continues on a Reactor worker thread instead of its
 * connection's event loop, as any request does whose filters wait for Redis or the database. Tests use it to make that
 * case certain instead of dependent on load (a rate limiter that has paused after a slow Redis answers at once and
 * leaves the request on its event loop).
 */
@TestConfiguration(proxyBeanMethods = false)
public class OffLoopRequests {

    public static final String HEADER = "X-Test-Off-Loop";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebFilter offLoopRequests() {
        return (exchange, chain) -> exchange.getRequest().getHeaders().containsHeader(HEADER)
                ? Mono.delay(Duration.ZERO).then(chain.filter(exchange))
                : chain.filter(exchange);
    }
}
