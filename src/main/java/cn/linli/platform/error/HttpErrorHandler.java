package cn.linli.platform.error;

import cn.linli.platform.observability.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every failure outside GraphQL's own error handling — an oversized or malformed body, an unknown path, a wrong method
 * or content type, or something unexpected — answers in the GraphQL error shape with a stable code and a Chinese
 * message, never Spring's default body or a stack trace.
 */
@Component
@Order(-2) // before Boot's default error handler (-1)
class HttpErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(HttpErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (Disconnects.isDisconnect(ex)) {
            // the client went away: there is nobody to answer and nothing to fix
            log.debug("Client went away [requestId={}] {} {}: {}", RequestIds.of(exchange.getResponse()),
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex.toString());
            return Mono.empty();
        }
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataBufferLimitException) {
                return write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE,
                        ErrorCode.PAYLOAD_TOO_LARGE.defaultMessage());
            }
        }
        if (ex instanceof ServerWebInputException || ex instanceof DecodingException) {
            // malformed JSON, invalid UTF-8, a body that is not a GraphQL request
            return write(exchange, HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, "请求内容不是有效的 JSON 请求");
        }
        if (ex instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
            return write(exchange, HttpStatus.valueOf(status.getStatusCode().value()), codeOf(status.getStatusCode()),
                    messageOf(status.getStatusCode()));
        }
        LinliException internal = LinliException.internal(ex);
        log.error("Unexpected HTTP failure [correlationId={}, requestId={}] {} {}", internal.correlationId(),
                RequestIds.of(exchange.getResponse()), exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), ex);
        return write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL, internal.getMessage());
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, ErrorCode code, String message) {
        return HttpErrorResponses.write(exchange.getResponse(), status, code, message);
    }

    static ErrorCode codeOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            default -> ErrorCode.VALIDATION_FAILED;
        };
    }

    static String messageOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "接口不存在";
            case 405 -> "不支持该请求方法";
            case 406 -> "不支持所要求的响应格式";
            case 415 -> "不支持该内容类型，请使用 application/json";
            default -> codeOf(status).defaultMessage();
        };
    }
}
