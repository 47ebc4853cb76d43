package cn.linli.platform.observability;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.linli.platform.graphql.PublishedOperations;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;

/**
 * Tags Spring for GraphQL's {@code graphql.request} timer with the operation name, kept to a bounded set: the names
 * of the operations published in {@code api/} (what the clients send), every other name is {@code other}, so a caller
 * cannot create a time series per invented name.
 */
class GraphQlOperations extends DefaultExecutionRequestObservationConvention {

    static final String KEY = "graphql.operation";
    static final String OTHER = "other";

    private static final Pattern OPERATION = Pattern.compile("\\b(?:query|mutation|subscription)\\s+([_A-Za-z][_0-9A-Za-z]*)");

    private final Set<String> known;

    GraphQlOperations(Set<String> known) {
        this.known = Set.copyOf(known);
    }

    /** The operation names of the documents in {@code api/} (packaged as {@code trusted-documents/}). */
    static GraphQlOperations fromApiDocuments() {
        return new GraphQlOperations(PublishedOperations.canonicalByName().keySet());
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of(KEY,
                bounded(context.getExecutionInput().getOperationName(), context.getExecutionInput().getQuery())));
    }

    /** The operation's name if it is one of the known ones, else {@code other}; the document names it when the request does not. */
    String bounded(@Nullable String operationName, @Nullable String document) {
        String name = operationName;
        if ((name == null || name.isEmpty()) && document != null) {
            Matcher matcher = OPERATION.matcher(document);
            name = matcher.find() ? matcher.group(1) : null;
        }
        return name != null && known.contains(name) ? name : OTHER;
    }
}
