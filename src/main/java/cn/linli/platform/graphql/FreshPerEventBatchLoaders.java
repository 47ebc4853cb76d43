package cn.linli.platform.graphql;

import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;

/**
 * The batch loaders of {@code @BatchMapping} methods, registered per request as usual; for a request over the
 * WebSocket (a subscription) without their cache.
 * <p>
 * graphql-java runs every event of a subscription with the one {@link DataLoaderRegistry} of its request, and a
 * {@code DataLoader} caches values by key for the life of its registry. Batch mappings are keyed by the parent object
 * (an order equals another with the same id), so the second event's order found the first event's partner, serving
 * member, timeline and phone in the cache: payloads stayed frozen at the first event. Without the cache every event
 * loads its related fields afresh; batching (one statement per field per event) is unchanged. Queries and mutations
 * over HTTP keep the per-request cache.
 */
class FreshPerEventBatchLoaders extends DefaultBatchLoaderRegistry {

    /** Set in the GraphQL context by {@link LiveConnections} for every request that arrives over the WebSocket. */
    static final String LIVE = FreshPerEventBatchLoaders.class.getName() + ".live";

    @Override
    public void registerDataLoaders(DataLoaderRegistry registry, GraphQLContext context) {
        super.registerDataLoaders(registry, context);
        if (Boolean.TRUE.equals(context.get(LIVE))) {
            for (String name : registry.getKeys()) {
                DataLoader<?, ?> loader = registry.getDataLoader(name);
                registry.register(name, loader.transform(builder -> builder.options(
                        loader.getOptions().transform(options -> options.setCachingEnabled(false)))));
            }
        }
    }
}
