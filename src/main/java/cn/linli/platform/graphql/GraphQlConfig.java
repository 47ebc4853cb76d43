package cn.linli.platform.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Scalars shared by every feature's schema. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfig {

    @Bean
    RuntimeWiringConfigurer linliScalars() {
        return wiring -> wiring.scalar(DateTimeScalar.INSTANCE).scalar(DateScalar.INSTANCE);
    }
}
