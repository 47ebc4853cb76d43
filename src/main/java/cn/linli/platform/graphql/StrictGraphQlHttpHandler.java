package cn.linli.platform.graphql;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.HttpErrorResponses;
import cn.linli.platform.error.LinliException;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Spring's GraphQL HTTP handler, except that a request without a GraphQL request in it (an empty body, or JSON
 * {@code null}) is a 400 {@code VALIDATION_FAILED} instead of an empty 200 that clients cannot tell from success.
 * Boot uses this bean in place of its own.
 */
class StrictGraphQlHttpHandler extends GraphQlHttpHandler {

    StrictGraphQlHttpHandler(WebGraphQlHandler handler, ServerCodecConfigurer codecs) {
        super(handler, codecs);
    }

    @Override
    public Mono<ServerResponse> handleRequest(ServerRequest request) {
        return super.handleRequest(request).switchIfEmpty(Mono.defer(() -> ServerResponse.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(HttpErrorResponses.body(new LinliException(ErrorCode.VALIDATION_FAILED, "请求中没有 GraphQL 查询")))));
    }
}
