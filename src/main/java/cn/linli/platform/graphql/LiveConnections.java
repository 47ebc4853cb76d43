package cn.linli.platform.graphql;

import java.util.List;
import java.util.Map;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import graphql.GraphQLError;
import graphql.execution.SubscriptionExecutionStrategy;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.server.webflux.AuthenticationWebSocketInterceptor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one WebSocket interceptor (Spring allows one): authentication at {@code connection_init} is Spring Security's
 * {@link AuthenticationWebSocketInterceptor}; around it, a connection
 * <ul>
 * <li>holds a bounded number of subscriptions, per connection and per account, counted until each ends; the next one
 * fails at once with {@code TOO_MANY_SUBSCRIPTIONS} instead of never being served;</li>
 * <li>runs every event with fresh batch loaders ({@link FreshPerEventBatchLoaders}) and sends events in order.</li>
 * </ul>
 */
public final class LiveConnections implements WebSocketGraphQlInterceptor {

    private final AuthenticationWebSocketInterceptor authentication;
    private final LiveProperties limits;
    private final SubscriptionCounts accounts = new SubscriptionCounts();

    public LiveConnections(AuthenticationWebSocketInterceptor authentication, LiveProperties limits) {
        this.authentication = authentication;
        this.limits = limits;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
        return authentication.handleConnectionInitialization(info, payload).doOnSuccess(ack -> opened(info));
    }

    private void opened(WebSocketSessionInfo info) {
        Jwt token = tokenOf(info);
        LiveSocket.open(info, token == null ? null : Long.parseLong(token.getSubject()));
    }

    /** The authenticated token of the connection (Spring Security keeps its context in the session's attributes). */
    private static @Nullable Jwt tokenOf(WebSocketSessionInfo info) {
        for (Object value : info.getAttributes().values()) {
            if (value instanceof SecurityContext context
                    && context.getAuthentication() instanceof JwtAuthenticationToken jwt) {
                return jwt.getToken();
            }
        }
        return null;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest live)) {
            return chain.next(request);
        }
        request.configureExecutionInput((input, builder) -> {
            input.getGraphQLContext()
                    .put(FreshPerEventBatchLoaders.LIVE, true)
                    // each event is executed as it arrives; without this a quick one could overtake a slower one
                    .put(SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, true);
            return input;
        });
        LiveSocket socket = LiveSocket.of(live.getSessionInfo());
        return authentication.intercept(request, next -> chain.next(next).map(response -> admitted(socket, response)));
    }

    /** A subscription counts from now until it ends; over a limit it fails at once with TOO_MANY_SUBSCRIPTIONS. */
    private WebGraphQlResponse admitted(LiveSocket socket, WebGraphQlResponse response) {
        if (!(response.getData() instanceof Publisher<?> events)) {
            return response; // a query or mutation over the socket, or a refused document
        }
        LiveSocket.Ticket ticket = socket.admit(accounts, limits);
        if (ticket == null) {
            return response.transform(builder -> builder.data(Flux.error(tooMany())));
        }
        return response.transform(builder -> builder.data(Flux.from(events).doFinally(signal -> ticket.release())));
    }

    private SubscriptionPublisherException tooMany() {
        LinliException refusal = new LinliException(ErrorCode.TOO_MANY_SUBSCRIPTIONS,
                ErrorCode.TOO_MANY_SUBSCRIPTIONS.defaultMessage() + "（每个连接最多 " + limits.maxSubscriptionsPerSocket()
                        + " 个，每个账号最多 " + limits.maxSubscriptionsPerAccount() + " 个）");
        GraphQLError error = GraphQLError.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message(refusal.getMessage())
                .extensions(refusal.extensions())
                .build();
        return new SubscriptionPublisherException(List.of(error), refusal);
    }

    @Override
    public void handleConnectionClosed(WebSocketSessionInfo info, int statusCode, Map<String, Object> payload) {
        LiveSocket.of(info).closed();
    }
}
