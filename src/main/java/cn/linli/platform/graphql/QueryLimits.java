package cn.linli.platform.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits that reject abusive queries before any resolver runs. The page-size cap is
 * {@link cn.linli.platform.pagination.PageRequest#MAX_PAGE_SIZE}, shared with the resolvers.
 *
 * @param maxDepth      deepest field nesting allowed (introspection is exempt: GraphiQL's own query is deep)
 * @param maxComplexity most fields a query may select, each multiplied by the page sizes ({@code first}) above it
 */
@ConfigurationProperties("linli.graphql")
public record QueryLimits(int maxDepth, int maxComplexity) {

    public QueryLimits {
        if (maxDepth <= 0 || maxComplexity <= 0) {
            throw new IllegalArgumentException("linli.graphql limits must be positive");
        }
    }
}
