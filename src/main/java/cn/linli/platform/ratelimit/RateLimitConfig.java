package cn.linli.platform.ratelimit;

import java.time.Duration;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The limiter's buckets live in the Redis the app already uses: Bucket4j talks to it through the Lettuce client of
 * Spring's connection factory (same host, password, timeouts), on a connection of its own with the codec Bucket4j
 * needs (string keys, byte-array state).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

    @Bean
    RateLimiter rateLimiter(RateLimitProperties properties, LettuceConnectionFactory redis) {
        RateLimiter limiter = new RateLimiter(properties, () -> buckets(redis));
        if (properties.enabled()) {
            limiter.connect();
        }
        return limiter;
    }

    private static AsyncProxyManager<String> buckets(LettuceConnectionFactory redis) {
        RedisClient client = (RedisClient) redis.getNativeClient();
        StatefulRedisConnection<String, byte[]> connection =
                client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        return Bucket4jLettuce.casBasedBuilder(connection)
                // a bucket is forgotten once it would be full again: idle accounts and addresses cost no memory
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build()
                .asAsync();
    }
}
