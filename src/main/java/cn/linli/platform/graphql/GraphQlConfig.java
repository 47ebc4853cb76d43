package cn.linli.platform.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.http.codec.ServerCodecConfigurer;

/** Scalars shared by every feature's schema, and the HTTP handler that refuses requests without a query. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfig {

    @Bean
    StrictGraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler, ServerCodecConfigurer codecs) {
        return new StrictGraphQlHttpHandler(handler, codecs);
    }

    @Bean
    RuntimeWiringConfigurer linliScalars() {
        return wiring -> wiring.scalar(DateTimeScalar.INSTANCE).scalar(DateScalar.INSTANCE);
    }
}
