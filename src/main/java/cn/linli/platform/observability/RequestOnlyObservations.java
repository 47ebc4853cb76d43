package cn.linli.platform.observability;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Spring for GraphQL's observation instrumentation, timing each request ({@code graphql.request}, tagged by
 * {@link GraphQlOperations}) but leaving data fetchers alone. Even with the {@code graphql.datafetcher} observation
 * switched off, the stock instrumentation wraps every non-batched field's fetcher and builds a (no-op) observation
 * for each call: on a board of 50 orders that is 100 wrappers per request, for a metric production never records
 * (issue 15: per-field instrumentation was a third of the CPU). {@code linli.graphql.field-observations=true} brings
 * the stock behaviour back, e.g. to trace one slow field.
 */
class RequestOnlyObservations extends GraphQlObservationInstrumentation {

    RequestOnlyObservations(ObservationRegistry registry, ExecutionRequestObservationConvention convention) {
        super(registry, convention, null, null);
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        return dataFetcher;
    }
}
