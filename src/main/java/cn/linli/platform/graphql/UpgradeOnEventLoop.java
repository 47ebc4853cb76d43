package cn.linli.platform.graphql;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * Performs the WebSocket handshake on the connection's own event loop.
 * <p>
 * Why: the request reaches the upgrade on whatever thread its last asynchronous step finished on — for
 * {@code /graphql} that is often Lettuce's (the rate limiter asks Redis) — and Reactor Netty started off its event loop
 * sends the 101 response and only later binds the WebSocket to the connection. A client that sends
 * {@code connection_init} as soon as it reads the 101 (as graphql-ws clients do) can land in between: Reactor Netty
 * drops that frame ("dropping frame … terminated=true"), the connection is never acknowledged, and the client waits
 * forever. It happened to about one connection in 40 under load. Started on the event loop, the handshake and the
 * binding complete before the loop reads anything more from the connection.
 */
final class UpgradeOnEventLoop implements RequestUpgradeStrategy {

    private final RequestUpgradeStrategy delegate;

    UpgradeOnEventLoop(RequestUpgradeStrategy delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Void> upgrade(ServerWebExchange exchange, WebSocketHandler handler, @Nullable String subProtocol,
                              Supplier<HandshakeInfo> handshakeInfoFactory) {
        Mono<Void> upgrade = Mono.defer(() -> delegate.upgrade(exchange, handler, subProtocol, handshakeInfoFactory));
        Object request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        if (!(request instanceof Connection connection)) {
            return upgrade; // not served by Reactor Netty (a mock exchange): nothing to race with
        }
        return connection.channel().eventLoop().inEventLoop()
                ? upgrade
                : upgrade.subscribeOn(Schedulers.fromExecutor(connection.channel().eventLoop()));
    }
}
