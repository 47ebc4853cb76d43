package cn.linli.platform.graphql;

import java.util.Map;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.pagination.PageRequest;
import graphql.ExecutionResult;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * One pass over the operation, before execution, enforcing {@link QueryLimits}: depth, complexity (fields weighted
 * by the page sizes they are nested in) and the page-size cap. A rejected query runs no resolver and no SQL.
 */
@Component
class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

    /** Page size assumed for a connection whose {@code first} was not given (the schema default). */
    static final int DEFAULT_PAGE_SIZE = 20;

    private final QueryLimits limits;

    QueryLimitsInstrumentation(QueryLimits limits) {
        this.limits = limits;
    }

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        QueryTraverser traverser = QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getOperationDefinition().getName())
                .coercedVariables(context.getCoercedVariables())
                .build();
        Measure measure = new Measure();
        traverser.visitPreOrder(measure);
        if (measure.oversizedPage != null) {
            throw new LimitExceeded(ErrorCode.VALIDATION_FAILED,
                    "每页数量必须在 1 到 " + PageRequest.MAX_PAGE_SIZE + " 之间", Map.of("field", measure.oversizedPage));
        }
        if (measure.maxDepth > limits.maxDepth()) {
            throw new LimitExceeded(ErrorCode.QUERY_TOO_DEEP,
                    "查询嵌套层级过深（" + measure.maxDepth + " > " + limits.maxDepth() + "）", Map.of());
        }
        if (measure.complexity > limits.maxComplexity()) {
            throw new LimitExceeded(ErrorCode.QUERY_TOO_COMPLEX,
                    "查询过于复杂（" + measure.complexity + " > " + limits.maxComplexity() + "），请减少字段或每页数量",
                    Map.of());
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private final class Measure extends QueryVisitorStub {
        int maxDepth;
        long complexity;
        @Nullable String oversizedPage;

        @Override
        public void visitField(QueryVisitorFieldEnvironment field) {
            if (isIntrospection(field)) {
                return;
            }
            Object first = field.getArguments().get("first");
            if (first instanceof Integer size && (size < 1 || size > PageRequest.MAX_PAGE_SIZE)) {
                oversizedPage = field.getField().getName() + ".first";
            }
            int depth = 0;
            long weight = 1;
            for (QueryVisitorFieldEnvironment parent = field.getParentEnvironment(); parent != null;
                 parent = parent.getParentEnvironment()) {
                depth++;
                weight *= pageSizeOf(parent);
            }
            maxDepth = Math.max(maxDepth, depth + 1);
            complexity += weight;
        }

        private long pageSizeOf(QueryVisitorFieldEnvironment field) {
            if (!field.getFieldDefinition().getArguments().stream().anyMatch(a -> a.getName().equals("first"))) {
                return 1;
            }
            return field.getArguments().get("first") instanceof Integer size ? Math.max(size, 1) : DEFAULT_PAGE_SIZE;
        }

        private boolean isIntrospection(QueryVisitorFieldEnvironment field) {
            for (QueryVisitorFieldEnvironment at = field; at != null; at = at.getParentEnvironment()) {
                if (at.getField().getName().startsWith("__")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Carries the stable code so the error keeps it on its way to the client. */
    static final class LimitExceeded extends AbortExecutionException {
        private final Map<String, Object> extensions;

        LimitExceeded(ErrorCode code, String message, Map<String, Object> extra) {
            super(message);
            java.util.LinkedHashMap<String, Object> all = new java.util.LinkedHashMap<>();
            all.put("code", code.name());
            all.putAll(extra);
            this.extensions = Map.copyOf(all);
        }

        @Override
        public Map<String, Object> getExtensions() {
            return extensions;
        }
    }
}
