package cn.linli.console;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Hosting of the console's single-page application (built by Vite into {@code classpath:/static/console/}): client
 * routes such as {@code /console/dispatch} answer the app's {@code index.html}, so a reload or a bookmark works; every
 * {@code /console/**} response carries a strict Content-Security-Policy (scripts and styles only from Linli itself, no
 * inline scripts, nothing from a CDN, live updates over this origin's WebSocket). Runs before Spring Security, which
 * lets {@code GET /console/**} through.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ConsoleWebFilter implements WebFilter {

    static final String PREFIX = "/console";

    /**
     * Element Plus positions popups with style attributes, hence 'unsafe-inline' for styles only (a style cannot run
     * code); the 小程序码 arrives as a data: image; photos are Linli's own signed links.
     */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().set("Content-Security-Policy", POLICY);
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("Referrer-Policy", "same-origin");
        if (path.equals(PREFIX)) {
            response.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            response.getHeaders().setLocation(java.net.URI.create(PREFIX + "/"));
            return response.setComplete();
        }
        if (!HttpMethod.GET.equals(exchange.getRequest().getMethod()) && !HttpMethod.HEAD.equals(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        if (path.startsWith(PREFIX + "/assets/")) {
            // file names carry a content hash: a new build has new names
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable");
            return chain.filter(exchange);
        }
        if (isClientRoute(path)) {
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-cache");
            return chain.filter(exchange.mutate().request(request -> request.path(PREFIX + "/index.html")).build());
        }
        return chain.filter(exchange);
    }

    /** {@code /console/}, {@code /console/dispatch}: no file extension in the last segment. */
    static boolean isClientRoute(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
