package cn.linli.platform.error;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * Errors answered before GraphQL runs (bad token, oversized body) in the same JSON shape as a GraphQL error, so a
 * client handles every failure by {@code errors[0].extensions.code}.
 */
public final class HttpErrorResponses {

    public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, ErrorCode code, String message) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set("WWW-Authenticate", "Bearer");
        }
        // message and code are ours (enum names and fixed Chinese text), so no JSON escaping is needed
        String body = "{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"" + code.name() + "\"}}]}";
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    private HttpErrorResponses() {
    }
}
