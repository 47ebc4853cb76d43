package cn.linli.platform.graphql;

import java.util.Map;

import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;

/** {@link QueryCost} for code outside this package that answers a published operation without executing it. */
public final class OperationPricing {

    /** Whether the query limits let this operation run with these (coerced) variables, as they would at execution. */
    public static boolean withinLimits(GraphQLSchema schema, String document, String operationName,
                                       Map<String, Object> variables, QueryLimits limits) {
        return QueryCost.of(schema, Parser.parse(document), operationName, variables, limits).within(limits);
    }

    private OperationPricing() {
    }
}
