package cn.linli.platform.error;

import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;

import graphql.GraphQLError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
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
    private static final String DISCONNECT_LOGGED = GraphQlErrors.class.getName() + ".disconnectLogged";

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

    /**
     * Bean Validation of {@code @Valid} arguments: the first violation (by field) becomes {@code VALIDATION_FAILED} with
     * its Chinese message and the input path it is about ({@code input.description}), as hand checks used to report.
     */
    @GraphQlExceptionHandler
    GraphQLError invalidInput(ConstraintViolationException ex, DataFetchingEnvironment env) {
        ConstraintViolation<?> first = ex.getConstraintViolations().stream()
                .min(Comparator.comparing(GraphQlErrors::field))
                .orElseThrow();
        return linli(LinliException.invalid(field(first), first.getMessage()), env);
    }

    /**
     * The violation's path as the client sent it: without the method name and without Bean Validation's container
     * node names ({@code createCampaign.input.branchVenues[0].<list element>} → {@code input.branchVenues[0]}).
     */
    static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString().replaceAll("\\.<[^>]*>", "");
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    @GraphQlExceptionHandler
    GraphQLError authentication(AuthenticationException ex, DataFetchingEnvironment env) {
        return linli(LinliException.unauthenticated(), env);
    }

    @GraphQlExceptionHandler
    GraphQLError accessDenied(AccessDeniedException ex, DataFetchingEnvironment env) {
        return linli(LinliException.forbidden(), env);
    }

    /**
     * Anything unexpected: log it with a correlation id and tell the client only that id. A client that went away
     * cancels every pending field: that is one DEBUG line per request, not an ERROR per field.
     */
    @GraphQlExceptionHandler
    GraphQLError unexpected(Throwable ex, DataFetchingEnvironment env) {
        LinliException internal = LinliException.internal(ex);
        if (Disconnects.isDisconnect(ex)) {
            AtomicBoolean logged = env.getGraphQlContext().computeIfAbsent(DISCONNECT_LOGGED, key -> new AtomicBoolean());
            if (logged.compareAndSet(false, true)) {
                log.debug("Client went away during the request (first at {}): {}", env.getExecutionStepInfo().getPath(),
                        ex.toString());
            }
            return linli(internal, env);
        }
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
