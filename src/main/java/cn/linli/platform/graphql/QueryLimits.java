package cn.linli.platform.graphql;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits that reject abusive queries before any resolver runs. The page-size cap is
 * {@link cn.linli.platform.pagination.PageRequest#MAX_PAGE_SIZE}, shared with the resolvers.
 *
 * @param maxDepth      deepest field nesting allowed (introspection is exempt: GraphiQL's own query is deep)
 * @param maxComplexity most fields a query may select, each multiplied by the page sizes ({@code first}) above it
 *                      and by its weight
 * @param maxRootFields most top-level fields (aliases included) one operation may select: each root field resolves
 *                      on its own, so aliases of one are not batched and multiply the work
 * @param fieldWeights  weight of fields whose resolver is expensive ({@code "Query.dispatchCandidates"} → 100); every
 *                      other field weighs 1
 */
@ConfigurationProperties("linli.graphql")
public record QueryLimits(int maxDepth, int maxComplexity, @DefaultValue("20") int maxRootFields,
                          @DefaultValue Map<String, Integer> fieldWeights) {

    public QueryLimits {
        if (maxDepth <= 0 || maxComplexity <= 0 || maxRootFields <= 0) {
            throw new IllegalArgumentException("linli.graphql limits must be positive");
        }
        if (fieldWeights.values().stream().anyMatch(weight -> weight == null || weight < 1)) {
            throw new IllegalArgumentException("linli.graphql.field-weights must be at least 1");
        }
        fieldWeights = Map.copyOf(fieldWeights);
    }

    /** The weight of {@code type.field}: 1 unless configured. */
    long weightOf(String type, String field) {
        return fieldWeights.getOrDefault(type + "." + field, 1);
    }
}
