package cn.linli.platform.error;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.linli.platform.observability.RequestIds;
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
        // message and code are ours (enum names and fixed Chinese text), the request id is [A-Za-z0-9_-] (RequestIds),
        // so no JSON escaping is needed
        String requestId = RequestIds.of(response);
        String body = "{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"" + code.name() + "\""
                + (requestId == null ? "" : ",\"requestId\":\"" + requestId + "\"") + "}}]}";
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    /** The same shape as a body for a {@code ResponseEntity}, for HTTP endpoints beside GraphQL (photo upload). */
    public static Map<String, Object> body(LinliException ex) {
        return Map.of("errors", List.of(Map.of("message", ex.getMessage(), "extensions", ex.extensions())));
    }

    /** The HTTP status that goes with an error code outside GraphQL. */
    public static HttpStatus status(ErrorCode code) {
        return switch (code) {
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case PAYLOAD_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case TOO_MANY_PHOTOS -> HttpStatus.TOO_MANY_REQUESTS;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
            case WECHAT_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    private HttpErrorResponses() {
    }
}
