package cn.linli.platform.graphql;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.http.codec.ServerCodecConfigurer;

/**
 * Scalars shared by every feature's schema, the HTTP handler that refuses requests without a query, and the cache of
 * parsed and validated documents.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfig {

    @Bean
    StrictGraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler, ServerCodecConfigurer codecs) {
        return new StrictGraphQlHttpHandler(handler, codecs);
    }

    /** Each distinct document is parsed and validated once (see {@link CachedDocuments}); off only to measure it. */
    @Bean
    @ConditionalOnProperty(name = "linli.graphql.document-cache", havingValue = "true", matchIfMissing = true)
    GraphQlSourceBuilderCustomizer cachedDocuments() {
        CachedDocuments documents = new CachedDocuments();
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }

    @Bean
    RuntimeWiringConfigurer linliScalars() {
        return wiring -> wiring.scalar(DateTimeScalar.INSTANCE).scalar(DateScalar.INSTANCE);
    }
}
