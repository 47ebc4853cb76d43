package cn.linli.platform.graphql;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.channel.Channel;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The handshake starts on the connection's event loop, whichever thread the request arrived on. */
class UpgradeOnEventLoopTest {

    private final EventLoop loop = new DefaultEventLoop();

    @AfterEach
    void stopLoop() {
        loop.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void startsTheHandshakeOnTheConnectionsEventLoop() {
        AtomicReference<Boolean> onLoop = new AtomicReference<>();
        RequestUpgradeStrategy handshake = (exchange, handler, subProtocol, info) ->
                Mono.fromRunnable(() -> onLoop.set(loop.inEventLoop()));

        new UpgradeOnEventLoop(handshake).upgrade(exchangeOn(loop), session -> Mono.empty(), null, () -> null)
                .block(Duration.ofSeconds(5));

        assertThat(onLoop.get()).as("handshake ran on the connection's event loop").isTrue();
    }

    @Test
    void aRequestNotServedByReactorNettyIsUpgradedWhereItIs() {
        AtomicReference<Thread> thread = new AtomicReference<>();
        RequestUpgradeStrategy handshake = (exchange, handler, subProtocol, info) ->
                Mono.fromRunnable(() -> thread.set(Thread.currentThread()));
        ServerWebExchange exchange = mock(ServerWebExchange.class);
        AbstractServerHttpRequest request = mock(AbstractServerHttpRequest.class);
        when(request.getNativeRequest()).thenReturn(new Object());
        when(exchange.getRequest()).thenReturn(request);

        new UpgradeOnEventLoop(handshake).upgrade(exchange, session -> Mono.empty(), null, () -> null)
                .block(Duration.ofSeconds(5));

        assertThat(thread.get()).isSameAs(Thread.currentThread());
    }

    private static ServerWebExchange exchangeOn(EventLoop loop) {
        Channel channel = mock(Channel.class);
        when(channel.eventLoop()).thenReturn(loop);
        Connection connection = mock(Connection.class);
        when(connection.channel()).thenReturn(channel);
        AbstractServerHttpRequest request = mock(AbstractServerHttpRequest.class);
        when(request.getNativeRequest()).thenReturn(connection);
        ServerWebExchange exchange = mock(ServerWebExchange.class);
        when(exchange.getRequest()).thenReturn(request);
        return exchange;
    }
}
