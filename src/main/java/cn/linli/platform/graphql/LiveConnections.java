package cn.linli.platform.graphql;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.SessionRegistry;
import cn.linli.platform.security.Viewers;
import graphql.GraphQLError;
import graphql.execution.SubscriptionExecutionStrategy;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one WebSocket interceptor (Spring allows one): authentication at {@code connection_init} is Spring Security's
 * {@link AuthenticationWebSocketInterceptor}; around it, a connection
 * <ul>
 * <li>ends with its session: closed with 4401 "Unauthorized" when its access token expires or its session ends
 * (logout, a reused refresh token) — found by asking {@link SessionRegistry} every
 * {@link LiveProperties#sessionCheckInterval()}; the client refreshes its session and reconnects;</li>
 * <li>holds a bounded number of subscriptions, per connection and per account, counted until each ends; the next one
 * fails at once with {@code TOO_MANY_SUBSCRIPTIONS} instead of never being served;</li>
 * <li>runs every event with fresh batch loaders ({@link FreshPerEventBatchLoaders}) and sends events in order.</li>
 * </ul>
 */
public final class LiveConnections implements WebSocketGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger(LiveConnections.class);
    static final CloseStatus SESSION_ENDED = new CloseStatus(4401, "Unauthorized");

    private final AuthenticationWebSocketInterceptor authentication;
    private final SessionRegistry sessions;
    private final LiveProperties limits;
    private final SubscriptionCounts accounts = new SubscriptionCounts();

    public LiveConnections(AuthenticationWebSocketInterceptor authentication, SessionRegistry sessions,
                           LiveProperties limits) {
        this.authentication = authentication;
        this.sessions = sessions;
        this.limits = limits;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
        return authentication.handleConnectionInitialization(info, payload).doOnSuccess(ack -> opened(info));
    }

    private void opened(WebSocketSessionInfo info) {
        Jwt token = tokenOf(info);
        LiveSocket socket = LiveSocket.open(info, token == null ? null : Long.parseLong(token.getSubject()));
        if (token != null) {
            // the close is not part of the watch: disposing the watch when the connection closes must not cancel a
            // close in flight (Reactor Netty then frees the close frame before writing it: the client sees no status)
            socket.watch(sessionEnd(token).subscribe(reason -> {
                log.debug("Closing live connection {}: {}", info.getId(), reason);
                ClosableGraphQlWebSocketHandler.close(info, SESSION_ENDED).subscribe();
            }));
        }
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

    /** Emits why the session is over: its token expired, or its session ended; never otherwise. */
    private Mono<String> sessionEnd(Jwt token) {
        Instant expiresAt = token.getExpiresAt();
        Mono<String> expired = expiresAt == null ? Mono.never()
                : Mono.delay(durationUntil(expiresAt)).thenReturn("access token expired");
        String sessionId = token.getClaimAsString(Viewers.SESSION_CLAIM);
        Mono<String> ended = sessionId == null ? Mono.never()
                : Flux.interval(limits.sessionCheckInterval())
                .onBackpressureDrop()
                // an unanswered check (Redis and PostgreSQL unreachable) is not a logout: ask again next time
                .concatMap(tick -> sessions.isOpen(sessionId).onErrorResume(ex -> Mono.just(true)), 1)
                .filter(open -> !open)
                .next()
                .thenReturn("session ended");
        return Mono.firstWithValue(expired, ended);
    }

    private static Duration durationUntil(Instant instant) {
        Duration left = Duration.between(Instant.now(), instant);
        return left.isNegative() ? Duration.ZERO : left;
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
