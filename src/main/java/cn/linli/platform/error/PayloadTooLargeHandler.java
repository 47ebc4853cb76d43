package cn.linli.platform.error;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A request body over {@code spring.http.codecs.max-in-memory-size} is refused with 413 and
 * {@code PAYLOAD_TOO_LARGE} instead of a 500: it is the client's mistake (or abuse), not ours.
 */
@Component
@Order(-2) // before Boot's default error handler (-1)
class PayloadTooLargeHandler implements WebExceptionHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataBufferLimitException) {
                return HttpErrorResponses.write(exchange.getResponse(), HttpStatus.PAYLOAD_TOO_LARGE,
                        ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE.defaultMessage());
            }
        }
        return Mono.error(ex);
    }
}
