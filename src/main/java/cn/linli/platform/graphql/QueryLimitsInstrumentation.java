package cn.linli.platform.graphql;

import java.util.Map;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.pagination.PageRequest;
import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * One pass over the operation, before execution, enforcing {@link QueryLimits}: the page-size cap, depth, the number of
 * root fields and complexity (see {@link QueryCost}). A rejected query runs no resolver and no SQL.
 */
@Component
class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final QueryLimits limits;

    QueryLimitsInstrumentation(QueryLimits limits) {
        this.limits = limits;
    }

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        QueryCost cost = QueryCost.of(context.getGraphQLSchema(), context.getDocument(),
                context.getOperationDefinition().getName(), context.getCoercedVariables().toMap(), limits);
        if (cost.oversizedPage() != null) {
            throw new LimitExceeded(ErrorCode.VALIDATION_FAILED,
                    "每页数量必须在 1 到 " + PageRequest.MAX_PAGE_SIZE + " 之间", Map.of("field", cost.oversizedPage()));
        }
        if (cost.depth() > limits.maxDepth()) {
            throw new LimitExceeded(ErrorCode.QUERY_TOO_DEEP,
                    "查询嵌套层级过深（" + cost.depth() + " > " + limits.maxDepth() + "）", Map.of());
        }
        if (cost.rootFields() > limits.maxRootFields()) {
            throw new LimitExceeded(ErrorCode.QUERY_TOO_COMPLEX,
                    "一次请求最多查询 " + limits.maxRootFields() + " 个顶层字段（收到 " + cost.rootFields() + " 个）", Map.of());
        }
        if (cost.complexity() > limits.maxComplexity()) {
            throw new LimitExceeded(ErrorCode.QUERY_TOO_COMPLEX,
                    "查询过于复杂（" + cost.complexity() + " > " + limits.maxComplexity() + "），请减少字段或每页数量",
                    Map.of());
        }
        return super.beginExecuteOperation(parameters, state);
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
