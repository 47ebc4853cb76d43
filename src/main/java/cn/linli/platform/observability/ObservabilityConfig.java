package cn.linli.platform.observability;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;

@Configuration(proxyBeanMethods = false)
class ObservabilityConfig {

    /** Picked up by Boot's GraphQL observation auto-configuration (per request only: data-fetcher observations are off). */
    @Bean
    ExecutionRequestObservationConvention graphQlOperations() {
        return GraphQlOperations.fromApiDocuments();
    }
}
