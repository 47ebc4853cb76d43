package cn.linli.order;

import java.util.Map;
import java.util.Set;

import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * The variables of the published {@code DispatchQueue} document, read as graphql-java would coerce them, for the
 * compiled board; {@link #of} answers null for anything unusual (a wrong type, an unknown name, a bad cursor, a page
 * size out of range) so that the general path answers it, with its own error.
 */
record BoardVariables(long communityId, @Nullable OrderStatus status, @Nullable Urgency urgency,
                      @Nullable Boolean escalated, PageRequest page) {

    private static final Set<String> NAMES = Set.of("communityId", "status", "urgency", "escalated", "first", "after");

    static @Nullable BoardVariables of(Map<String, Object> variables) {
        if (!NAMES.containsAll(variables.keySet())) {
            return null;
        }
        Object community = variables.get("communityId");
        Object status = variables.get("status");
        Object urgency = variables.get("urgency");
        Object escalated = variables.get("escalated");
        Object first = variables.get("first");
        Object after = variables.get("after");
        if (!(community instanceof String || community instanceof Integer)
                || !(status == null || status instanceof String) || !(urgency == null || urgency instanceof String)
                || !(escalated == null || escalated instanceof Boolean) || !(first == null || first instanceof Integer)
                || !(after == null || after instanceof String)) {
            return null;
        }
        try {
            return new BoardVariables(Ids.parse(String.valueOf(community), "communityId"),
                    status == null ? null : OrderStatus.valueOf((String) status),
                    urgency == null ? null : Urgency.valueOf((String) urgency), (Boolean) escalated,
                    PageRequest.of((Integer) first, (String) after));
        } catch (LinliException | IllegalArgumentException invalid) {
            return null;
        }
    }
}
