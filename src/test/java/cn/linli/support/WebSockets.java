package cn.linli.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketDisconnectedException;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

/**
 * graphql-transport-ws clients of the test server, each authenticated with an access token at {@code connection_init}
 * as the mini-program does. Close them all after each test ({@link #close()}).
 */
public final class WebSockets implements AutoCloseable {

    private final int port;
    private final List<WebSocketGraphQlTester> open = new CopyOnWriteArrayList<>();

    public WebSockets(int port) {
        this.port = port;
    }

    /** A new connection (opened on its first subscription) carrying this access token. */
    public WebSocketGraphQlTester connect(String accessToken) {
        WebSocketGraphQlTester socket = WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql",
                        new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + accessToken));
                    }
                })
                .build();
        open.add(socket);
        return socket;
    }

    /** The close code the server ended the connection with, or -1 when {@code error} is not such an ending. */
    public static int closeCode(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebSocketDisconnectedException disconnected) {
                return disconnected.getCloseStatus().getCode();
            }
        }
        return -1;
    }

    /** The {@code extensions.code} of the first error a subscription failed with, or null. */
    public static Object errorCode(Throwable error) {
        if (error instanceof SubscriptionErrorException failed && !failed.getErrors().isEmpty()) {
            return failed.getErrors().get(0).getExtensions().get("code");
        }
        return null;
    }

    @Override
    public void close() {
        open.forEach(socket -> socket.stop().onErrorResume(ex -> Mono.empty()).block(Duration.ofSeconds(10)));
        open.clear();
    }
}
