package cn.linli.platform.observability;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

@Configuration(proxyBeanMethods = false)
class ObservabilityConfig {

    /** Picked up by Boot's GraphQL observation auto-configuration (per request only: data-fetcher observations are off). */
    @Bean
    ExecutionRequestObservationConvention graphQlOperations() {
        return GraphQlOperations.fromApiDocuments();
    }

    /**
     * Replaces Boot's GraphQL observation instrumentation (it backs off when this bean exists) unless field
     * observations are asked for: request timings stay, per-field wrapping goes (see {@link RequestOnlyObservations}).
     */
    @Bean
    @ConditionalOnProperty(name = "linli.graphql.field-observations", havingValue = "false", matchIfMissing = true)
    GraphQlObservationInstrumentation graphQlObservationInstrumentation(ObservationRegistry registry,
                                                                        ExecutionRequestObservationConvention operations) {
        return new RequestOnlyObservations(registry, operations);
    }
}
