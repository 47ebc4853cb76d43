package cn.linli.platform.ratelimit;

import java.util.Map;
import java.util.Optional;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.security.Viewer;
import cn.linli.platform.security.Viewers;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.language.OperationDefinition.Operation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Limits that depend on the operation: logins per client address, mutations per account (every aliased root field
 * counts), subscriptions started per account, and operations sent over a WebSocket (which the HTTP filter never sees)
 * against the account's request budget. A refusal is the GraphQL error {@code TOO_MANY_REQUESTS} with
 * {@code extensions.retryAfter} and, over HTTP, a {@code Retry-After} header. Runs after the trusted-documents check,
 * so a refused document spends no budget.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class OperationRateLimits implements WebGraphQlInterceptor {

    private static final RateLimiter.Decision ALLOWED = new RateLimiter.Decision(true, 0);

    private final RateLimiter limiter;
    private final RateLimitProperties limits;

    OperationRateLimits(RateLimiter limiter, RateLimitProperties limits) {
        this.limiter = limiter;
        this.limits = limits;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        OperationShape operation = OperationShape.of(request.getDocument(), request.getOperationName());
        if (operation == null) {
            return chain.next(request);
        }
        return viewerOf(request).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(viewer -> check(operation, viewer, request))
                .flatMap(decision -> decision.allowed() ? chain.next(request) : Mono.just(refusal(request, decision)));
    }

    private Mono<RateLimiter.Decision> check(OperationShape operation, Optional<Viewer> viewer, WebGraphQlRequest request) {
        String address = "ip:" + RateLimitWebFilter.clientAddress(request.getRemoteAddress());
        String subject = viewer.map(v -> "account:" + v.accountId()).orElse(address);
        if (operation.isLogin()) {
            return limiter.consume("login", limits.login(), address, 1);
        }
        if (operation.type() == Operation.MUTATION) {
            return viewer.isEmpty() ? Mono.just(ALLOWED)
                    : limiter.consume("mutations", limits.mutations(), subject, Math.max(operation.rootFields().size(), 1));
        }
        if (operation.type() == Operation.SUBSCRIPTION) {
            return limiter.consume("subscriptions", limits.subscriptions(), subject, 1);
        }
        if (request instanceof WebSocketGraphQlRequest) {
            return viewer.isPresent() ? limiter.consume("requests", limits.requests(), subject, 1)
                    : limiter.consume("anonymous", limits.anonymous(), subject, 1);
        }
        return Mono.just(ALLOWED);
    }

    /**
     * Over HTTP the security context is in the Reactor context; over a WebSocket it is kept in the session's attributes
     * by Spring's AuthenticationWebSocketInterceptor, which runs after this interceptor, so it is read from there.
     */
    private static Mono<Viewer> viewerOf(WebGraphQlRequest request) {
        if (request instanceof WebSocketGraphQlRequest socket) {
            return Mono.justOrEmpty(socket.getSessionInfo().getAttributes().values().stream()
                    .filter(SecurityContext.class::isInstance)
                    .map(context -> ((SecurityContext) context).getAuthentication())
                    .filter(JwtAuthenticationToken.class::isInstance)
                    .map(token -> Viewers.fromJwt(((JwtAuthenticationToken) token).getToken()))
                    .findFirst());
        }
        return Viewers.optional();
    }

    private static WebGraphQlResponse refusal(WebGraphQlRequest request, RateLimiter.Decision decision) {
        GraphQLError error = GraphQLError.newError()
                .message(decision.message())
                .extensions(Map.of("code", ErrorCode.TOO_MANY_REQUESTS.name(), "retryAfter", decision.retryAfterSeconds()))
                .build();
        WebGraphQlResponse response = new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(
                request.toExecutionInput(), ExecutionResult.newExecutionResult().addError(error).build()));
        response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        return response;
    }
}
