package cn.linli.platform.graphql;

import java.time.Duration;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.codec.CodecConfigurer;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * Spring's graphql-transport-ws handler, with one addition: the connection can be closed from a
 * {@link org.springframework.graphql.server.WebSocketGraphQlInterceptor}, which only sees the session's attributes
 * ({@link WebSocketSessionInfo} has no close). {@link LiveConnections} closes a connection whose session has ended.
 */
class ClosableGraphQlWebSocketHandler extends GraphQlWebSocketHandler {

    private static final String CLOSE = ClosableGraphQlWebSocketHandler.class.getName() + ".close";

    ClosableGraphQlWebSocketHandler(WebGraphQlHandler handler, CodecConfigurer codecs, Duration initTimeout,
                                    @Nullable Duration keepAlive, @Nullable CorsConfiguration cors) {
        super(handler, codecs, initTimeout, keepAlive, cors);
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        session.getAttributes().put(CLOSE, (Function<CloseStatus, Mono<Void>>) session::close);
        return super.handle(session);
    }

    /** Closes the connection of this session with the given status; nothing if it is not one of ours. */
    @SuppressWarnings("unchecked")
    static Mono<Void> close(WebSocketSessionInfo info, CloseStatus status) {
        Object close = info.getAttributes().get(CLOSE);
        return close instanceof Function<?, ?> closer ? ((Function<CloseStatus, Mono<Void>>) closer).apply(status) : Mono.empty();
    }
}
