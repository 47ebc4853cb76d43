package cn.linli.platform.graphql;

import java.util.Map;

import cn.linli.platform.pagination.PageRequest;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import org.jspecify.annotations.Nullable;

/**
 * What an operation would cost, measured on its parsed form before anything runs: its depth, its complexity (every
 * field counts its weight, multiplied by the page sizes it is nested in), how many root fields it selects, and the
 * first page size outside the cap. Pure, so the published documents can be priced in a unit test.
 *
 * @param oversizedPage the field whose {@code first} is outside 1..{@link PageRequest#MAX_PAGE_SIZE}, or null
 */
record QueryCost(int depth, long complexity, int rootFields, @Nullable String oversizedPage) {

    /** Page size assumed for a connection whose {@code first} was not given (the schema default). */
    static final int DEFAULT_PAGE_SIZE = 20;

    static QueryCost of(GraphQLSchema schema, Document document, @Nullable String operationName,
                        Map<String, Object> coercedVariables, QueryLimits limits) {
        QueryTraverser traverser = QueryTraverser.newQueryTraverser()
                .schema(schema)
                .document(document)
                .operationName(operationName)
                .coercedVariables(CoercedVariables.of(coercedVariables))
                .build();
        Measure measure = new Measure(limits);
        traverser.visitPreOrder(measure);
        return new QueryCost(measure.maxDepth, measure.complexity, measure.rootFields, measure.oversizedPage);
    }

    /** Whether {@link QueryLimitsInstrumentation} lets an operation of this cost run. */
    boolean within(QueryLimits limits) {
        return oversizedPage == null && depth <= limits.maxDepth() && rootFields <= limits.maxRootFields()
                && complexity <= limits.maxComplexity();
    }

    private static final class Measure extends QueryVisitorStub {
        private final QueryLimits limits;
        int maxDepth;
        long complexity;
        int rootFields;
        @Nullable String oversizedPage;

        Measure(QueryLimits limits) {
            this.limits = limits;
        }

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
            long pages = 1;
            for (QueryVisitorFieldEnvironment parent = field.getParentEnvironment(); parent != null;
                 parent = parent.getParentEnvironment()) {
                depth++;
                pages *= pageSizeOf(parent);
            }
            if (depth == 0) {
                rootFields++;
            }
            maxDepth = Math.max(maxDepth, depth + 1);
            String type = field.getFieldsContainer().getName();
            complexity += pages * limits.weightOf(type, field.getFieldDefinition().getName());
        }

        private static long pageSizeOf(QueryVisitorFieldEnvironment field) {
            if (field.getFieldDefinition().getArguments().stream().noneMatch(a -> a.getName().equals("first"))) {
                return 1;
            }
            return field.getArguments().get("first") instanceof Integer size ? Math.max(size, 1) : DEFAULT_PAGE_SIZE;
        }

        private static boolean isIntrospection(QueryVisitorFieldEnvironment field) {
            for (QueryVisitorFieldEnvironment at = field; at != null; at = at.getParentEnvironment()) {
                if (at.getField().getName().startsWith("__")) {
                    return true;
                }
            }
            return false;
        }
    }
}
