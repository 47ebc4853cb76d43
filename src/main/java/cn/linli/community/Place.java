package cn.linli.community;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A place of the tree (街道 … 户), as the GraphQL {@code Place} interface shows it. Retired places are never deleted:
 * orders, ledgers and ballots refer to them, so by-id reads still return them; lists hide them unless asked.
 */
public interface Place {

    long id();

    /** When the place was retired; null while it is in use. */
    @Nullable Instant retiredAt();

    default boolean retired() {
        return retiredAt() != null;
    }

    /** The places still in use, or all of them when {@code includeRetired}. */
    static <P extends Place> List<P> visible(List<P> places, boolean includeRetired) {
        return includeRetired ? places : places.stream().filter(place -> !place.retired()).toList();
    }
}
