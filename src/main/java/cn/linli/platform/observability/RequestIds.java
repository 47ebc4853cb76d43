package cn.linli.platform.observability;

import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.context.ContextRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every HTTP request an id: the caller's {@code X-Request-Id} when it is sane, otherwise a fresh one. It is
 * answered in the response header, written into the request's own headers (so GraphQL interceptors and error shapes
 * read it the same way, given or generated) and put into the Reactor context under {@link #MDC_KEY}; with
 * {@code spring.reactor.context-propagation=auto} every log line written while handling the request carries it in MDC.
 * First of all filters, so even the security chain's 401/404 answers carry it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds implements WebFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    static {
        // MDC follows the Reactor context (and Spring for GraphQL's data fetchers, which restore the same snapshot)
        ContextRegistry.getInstance().registerThreadLocalAccessor(new MdcRequestId());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = accept(exchange.getRequest().getHeaders().getFirst(HEADER));
        exchange.getResponse().getHeaders().set(HEADER, id);
        ServerWebExchange withId = exchange.mutate().request(request -> request.headers(h -> h.set(HEADER, id))).build();
        return chain.filter(withId).contextWrite(context -> context.put(MDC_KEY, id));
    }

    /** The caller's id if it is at most 64 of {@code [A-Za-z0-9_-]} (safe in logs and JSON), otherwise a new one. */
    static String accept(@Nullable String given) {
        return given != null && SANE.matcher(given).matches() ? given : generate();
    }

    private static String generate() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** The id of the request this response answers, if {@link RequestIds} has run (it runs first). */
    public static @Nullable String of(org.springframework.http.server.reactive.ServerHttpResponse response) {
        return response.getHeaders().getFirst(HEADER);
    }
}
