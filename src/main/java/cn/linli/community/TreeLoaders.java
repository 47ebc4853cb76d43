package cn.linli.community;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * The batch loaders of the tree's child lists. These fields take an argument ({@code includeRetired}), which a
 * {@code @BatchMapping} cannot see, so each list is loaded whole (retired children included, one statement per level
 * whatever the number of parents) and each field filters its parent's share.
 */
@Component
class TreeLoaders {

    static final String ESTATES = "community.estatesOfCommunities";
    static final String BUILDINGS = "community.buildingsOfEstates";
    static final String UNITS = "community.unitsOfBuildings";
    static final String HOUSEHOLDS = "community.householdsOfUnits";

    TreeLoaders(BatchLoaderRegistry registry, CommunityService service) {
        registry.<Long, List<Estate>>forName(ESTATES).registerMappedBatchLoader((ids, env) -> service.estatesOfCommunities(ids));
        registry.<Long, List<Building>>forName(BUILDINGS).registerMappedBatchLoader((ids, env) -> service.buildingsOfEstates(ids));
        registry.<Long, List<Unit>>forName(UNITS).registerMappedBatchLoader((ids, env) -> service.unitsOfBuildings(ids));
        registry.<Long, List<Household>>forName(HOUSEHOLDS).registerMappedBatchLoader((ids, env) -> service.householdsOfUnits(ids));
    }

    /** The parent's children from the named loader, retired ones only when asked for. */
    static <P extends Place> CompletableFuture<List<P>> children(DataFetchingEnvironment env, String loader, long parentId,
                                                                 @Nullable Boolean includeRetired) {
        DataLoader<Long, List<P>> dataLoader = env.getDataLoader(loader);
        if (dataLoader == null) {
            throw new IllegalStateException("No data loader " + loader);
        }
        return dataLoader.load(parentId).thenApply(list ->
                Place.visible(list == null ? List.of() : list, Boolean.TRUE.equals(includeRetired)));
    }

}
