package cn.linli.platform.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.linli.platform.observability.RequestIds;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives every error that did not come from a resolver the same shape as those that did. Parse and validation errors
 * (wrong types, unknown fields, missing variables) never reach {@code @GraphQlExceptionHandler}, so they are mapped
 * here to {@code VALIDATION_FAILED} with a Chinese message and the technical detail kept in {@code extensions.detail}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestErrorInterceptor implements WebGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RequestErrorInterceptor.class);
    private static final Pattern QUOTED_NAME = Pattern.compile("'([A-Za-z_][A-Za-z0-9_./\\[\\]]*)'");

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String requestId = request.getHeaders().getFirst(RequestIds.HEADER);
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.isEmpty()) {
                return response;
            }
            List<GraphQLError> shaped = errors.stream().map(error -> withRequestId(shape(error), requestId)).toList();
            return response.transform(builder -> builder.errors(shaped));
        });
    }

    /** Every error names the request ({@code extensions.requestId}), so a report from a client finds its log lines. */
    static GraphQLError withRequestId(GraphQLError error, @org.jspecify.annotations.Nullable String requestId) {
        if (requestId == null) {
            return error;
        }
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions() == null ? Map.of() : error.getExtensions());
        extensions.put("requestId", requestId);
        return GraphQLError.newError()
                .errorType(error.getErrorType())
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getPath())
                .extensions(extensions)
                .build();
    }

    private static boolean hasCode(GraphQLError error) {
        return error.getExtensions() != null && error.getExtensions().containsKey("code");
    }

    static GraphQLError shape(GraphQLError error) {
        if (hasCode(error)) {
            return error;
        }
        ErrorClassification type = error.getErrorType();
        Map<String, Object> extensions = new LinkedHashMap<>();
        String message;
        if (type == ErrorType.ValidationError || type == ErrorType.InvalidSyntax) {
            extensions.put("code", ErrorCode.VALIDATION_FAILED.name());
            String field = fieldNamedIn(error.getMessage());
            if (field != null) {
                extensions.put("field", field);
            }
            extensions.put("detail", error.getMessage());
            message = type == ErrorType.InvalidSyntax
                    ? "请求语法有误"
                    : "请求不符合接口定义" + (field != null ? "：" + field : "");
        } else if ("IntrospectionDisabled".equals(type.toString())) {
            // production closes introspection: the schema is published in the repository, not to strangers
            extensions.put("code", ErrorCode.FORBIDDEN.name());
            message = "接口内省未开放";
        } else if ("BadFaithIntrospection".equals(type.toString())) {
            // graphql-java's good-faith check: an introspection query shaped to be expensive, not a server fault
            extensions.put("code", ErrorCode.QUERY_TOO_COMPLEX.name());
            message = ErrorCode.QUERY_TOO_COMPLEX.defaultMessage();
        } else {
            LinliException internal = LinliException.internal(null);
            log.error("Unexpected GraphQL error [correlationId={}]: {} {}", internal.correlationId(), type, error.getMessage());
            extensions.putAll(internal.extensions());
            message = internal.getMessage();
        }
        return GraphQLError.newError()
                .errorType(type)
                .message(message)
                .locations(error.getLocations())
                .path(error.getPath())
                .extensions(extensions)
                .build();
    }

    private static @org.jspecify.annotations.Nullable String fieldNamedIn(@org.jspecify.annotations.Nullable String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = QUOTED_NAME.matcher(message);
        return matcher.find() ? matcher.group(1) : null;
    }
}
