package cn.linli.platform.graphql;

import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;

/**
 * Live updates: Boot's own beans for batch loading and the WebSocket endpoint, each replaced by a subclass that adds
 * one thing (fresh batch loaders per subscription event; a connection an interceptor can close). The interceptor that
 * uses them, {@link LiveConnections}, is made with the security configuration (it authenticates the connection).
 * WebSocket handshakes run on their connection's event loop ({@link UpgradeOnEventLoop}).
 */
@Configuration(proxyBeanMethods = false)
class LiveConfig implements WebFluxConfigurer {

    @Override
    public WebSocketService getWebSocketService() {
        return new HandshakeWebSocketService(new UpgradeOnEventLoop(new ReactorNettyRequestUpgradeStrategy()));
    }

    @Bean
    BatchLoaderRegistry batchLoaderRegistry() {
        return new FreshPerEventBatchLoaders();
    }

    /** As Boot would make it (same settings: init timeout, keep-alive, CORS), but closable from the interceptor. */
    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties,
                                                    GraphQlCorsProperties cors, ServerCodecConfigurer codecs) {
        GraphQlProperties.Websocket websocket = properties.getWebsocket();
        return new ClosableGraphQlWebSocketHandler(handler, codecs, websocket.getConnectionInitTimeout(),
                websocket.getKeepAlive(), cors.toCorsConfiguration());
    }
}
