package cn.linli.platform.ratelimit;

import java.net.InetSocketAddress;
import java.util.Optional;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.HttpErrorResponses;
import cn.linli.platform.security.Viewer;
import cn.linli.platform.security.Viewers;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits that need only the HTTP request: every {@code /graphql} request and photo upload per account, uploads per
 * account, and requests without a token per client address. A refusal is HTTP 429 with {@code Retry-After} and the
 * GraphQL error shape, before the body is read. Runs after Spring Security (order -100), which has checked the token.
 */
@Component
@Order(0)
class RateLimitWebFilter implements WebFilter {

    private final RateLimiter limiter;
    private final RateLimitProperties limits;

    RateLimitWebFilter(RateLimiter limiter, RateLimitProperties limits) {
        this.limiter = limiter;
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean upload = HttpMethod.POST.equals(exchange.getRequest().getMethod()) && path.equals("/photos");
        if (!upload && !path.equals("/graphql")) {
            return chain.filter(exchange);
        }
        return Viewers.optional().map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(viewer -> viewer.isPresent()
                        ? forAccount(viewer.get(), upload)
                        : limiter.consume("anonymous", limits.anonymous(), "ip:" + clientAddress(exchange.getRequest().getRemoteAddress()), 1))
                .flatMap(decision -> decision.allowed() ? chain.filter(exchange) : refuse(exchange, decision));
    }

    private Mono<RateLimiter.Decision> forAccount(Viewer viewer, boolean upload) {
        String account = "account:" + viewer.accountId();
        Mono<RateLimiter.Decision> requests = limiter.consume("requests", limits.requests(), account, 1);
        return upload
                ? requests.flatMap(decision -> decision.allowed() ? limiter.consume("uploads", limits.uploads(), account, 1)
                : Mono.just(decision))
                : requests;
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, RateLimiter.Decision decision) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        return HttpErrorResponses.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, ErrorCode.TOO_MANY_REQUESTS,
                decision.message());
    }

    /**
     * The address the connection comes from. Behind a reverse proxy that is the proxy, unless the operator trusts its
     * {@code X-Forwarded-For} with {@code server.forward-headers-strategy=framework} (Spring then rewrites the remote
     * address); a client's own X-Forwarded-For header is never believed otherwise.
     */
    static String clientAddress(@Nullable InetSocketAddress remote) {
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
