package cn.linli.platform.events;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.transaction.reactive.TransactionalEventPublisher;

@Configuration(proxyBeanMethods = false)
class EventsConfig {

    /**
     * Domain events published inside a reactive transaction reach {@code @TransactionalEventListener} methods once it
     * has committed (and never if it rolls back): the one after-commit hook every feature uses.
     */
    @Bean
    TransactionalEventPublisher transactionalEvents(ApplicationEventPublisher publisher) {
        return new TransactionalEventPublisher(publisher);
    }

    @Bean
    ReactiveRedisMessageListenerContainer redisListeners(ReactiveRedisConnectionFactory factory) {
        return new ReactiveRedisMessageListenerContainer(factory);
    }
}
