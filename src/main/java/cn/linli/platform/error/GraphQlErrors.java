package cn.linli.platform.error;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The one place where exceptions thrown by resolvers become GraphQL errors: a stable code, a Chinese message, and
 * never a stack trace. Request-level errors (parse, validation, limits) are shaped by {@link RequestErrorInterceptor}.
 */
@ControllerAdvice
class GraphQlErrors {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    @GraphQlExceptionHandler
    GraphQLError linli(LinliException ex, DataFetchingEnvironment env) {
        return GraphQLError.newError()
                .errorType(classify(ex.code()))
                .message(ex.getMessage())
                .path(env.getExecutionStepInfo().getPath())
                .location(env.getField().getSourceLocation())
                .extensions(ex.extensions())
                .build();
    }

    @GraphQlExceptionHandler
    GraphQLError authentication(AuthenticationException ex, DataFetchingEnvironment env) {
        return linli(LinliException.unauthenticated(), env);
    }

    @GraphQlExceptionHandler
    GraphQLError accessDenied(AccessDeniedException ex, DataFetchingEnvironment env) {
        return linli(LinliException.forbidden(), env);
    }

    /** Anything unexpected: log it with a correlation id and tell the client only that id. */
    @GraphQlExceptionHandler
    GraphQLError unexpected(Throwable ex, DataFetchingEnvironment env) {
        LinliException internal = LinliException.internal(ex);
        log.error("Unexpected failure [correlationId={}] at {}", internal.correlationId(),
                env.getExecutionStepInfo().getPath(), ex);
        return linli(internal, env);
    }

    static ErrorType classify(ErrorCode code) {
        return switch (code) {
            case UNAUTHENTICATED -> ErrorType.UNAUTHORIZED;
            case FORBIDDEN -> ErrorType.FORBIDDEN;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case INTERNAL, WECHAT_UNAVAILABLE -> ErrorType.INTERNAL_ERROR;
            default -> ErrorType.BAD_REQUEST;
        };
    }
}
