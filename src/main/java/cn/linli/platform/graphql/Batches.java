package cn.linli.platform.graphql;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import reactor.core.publisher.Mono;

/**
 * The two shapes every {@code @BatchMapping} takes: load by the parents' keys in one call, then hand each parent its
 * value. Parents without a value are left out of the map (GraphQL shows null); for lists they get an empty list.
 */
public final class Batches {

    /** Each parent's single related object, e.g. a household's unit. */
    public static <P, K, V> Mono<Map<P, V>> one(List<P> parents, Function<P, K> key,
                                                Function<Collection<K>, Mono<Map<K, V>>> load) {
        return load.apply(keys(parents, key)).map(byKey -> {
            Map<P, V> result = new HashMap<>();
            for (P parent : parents) {
                V value = byKey.get(key.apply(parent));
                if (value != null) {
                    result.put(parent, value);
                }
            }
            return result;
        });
    }

    /** Each parent's related list, e.g. a unit's households. */
    public static <P, K, V> Mono<Map<P, List<V>>> many(List<P> parents, Function<P, K> key,
                                                       Function<Collection<K>, Mono<Map<K, List<V>>>> load) {
        return load.apply(keys(parents, key)).map(byKey -> {
            Map<P, List<V>> result = new HashMap<>();
            for (P parent : parents) {
                result.put(parent, byKey.getOrDefault(key.apply(parent), List.of()));
            }
            return result;
        });
    }

    private static <P, K> List<K> keys(List<P> parents, Function<P, K> key) {
        return parents.stream().map(key).distinct().toList();
    }

    private Batches() {
    }
}
