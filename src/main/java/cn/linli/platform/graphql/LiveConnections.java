package cn.linli.platform.graphql;

import java.util.Map;

import graphql.execution.SubscriptionExecutionStrategy;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.server.webflux.AuthenticationWebSocketInterceptor;
import reactor.core.publisher.Mono;

/**
 * The one WebSocket interceptor (Spring allows one): authentication at {@code connection_init} is Spring Security's
 * {@link AuthenticationWebSocketInterceptor}; around it, every request over the connection runs each event with fresh
 * batch loaders ({@link FreshPerEventBatchLoaders}) and sends events in order.
 */
public final class LiveConnections implements WebSocketGraphQlInterceptor {

    private final AuthenticationWebSocketInterceptor authentication;

    public LiveConnections(AuthenticationWebSocketInterceptor authentication) {
        this.authentication = authentication;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
        return authentication.handleConnectionInitialization(info, payload);
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest)) {
            return chain.next(request);
        }
        request.configureExecutionInput((input, builder) -> {
            input.getGraphQLContext()
                    .put(FreshPerEventBatchLoaders.LIVE, true)
                    // each event is executed as it arrives; without this a quick one could overtake a slower one
                    .put(SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, true);
            return input;
        });
        return authentication.intercept(request, chain);
    }
}
