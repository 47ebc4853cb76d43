package cn.linli.photo;

import java.net.URI;
import java.util.Map;

import graphql.GraphQLContext;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import reactor.core.publisher.Mono;

/**
 * Puts the server's public address into each GraphQL request's context, for absolute photo URLs: the configured
 * {@code linli.photos.public-url} (production, behind a proxy), else the address the request came in on
 * (development, where the mini-program or a test talks to the server directly; {@code ws} becomes {@code http}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3) // before anything that answers from the request's context
class PhotoBaseUrl implements WebGraphQlInterceptor {

    static final String CONTEXT_KEY = PhotoBaseUrl.class.getName();

    private final String configured;

    PhotoBaseUrl(PhotoProperties properties) {
        String publicUrl = properties.publicUrl();
        this.configured = StringUtils.hasText(publicUrl) ? stripTrailingSlash(publicUrl.strip()) : "";
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String baseUrl = forRequest(request.getUri().toUri());
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(CONTEXT_KEY, baseUrl)).build());
        return chain.next(request);
    }

    /** The base URL for a request that came in on {@code requestUri} (GraphQL, and the upload endpoint). */
    String forRequest(URI requestUri) {
        return configured.isEmpty() ? fromRequest(requestUri) : configured;
    }

    static String of(GraphQLContext context) {
        return context.getOrDefault(CONTEXT_KEY, "");
    }

    private static String fromRequest(URI uri) {
        String scheme = switch (String.valueOf(uri.getScheme())) {
            case "wss", "https" -> "https";
            default -> "http";
        };
        return scheme + "://" + uri.getRawAuthority();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
