package cn.linli.platform.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;

/**
 * Live updates: Boot's own batch-loading registry, replaced by a subclass that gives subscriptions fresh batch loaders
 * per event. The interceptor that marks their requests, {@link LiveConnections}, is made with the security
 * configuration (it authenticates the connection).
 */
@Configuration(proxyBeanMethods = false)
class LiveConfig {

    @Bean
    BatchLoaderRegistry batchLoaderRegistry() {
        return new FreshPerEventBatchLoaders();
    }
}
