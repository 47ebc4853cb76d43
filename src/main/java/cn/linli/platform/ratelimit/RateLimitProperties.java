package cn.linli.platform.ratelimit;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests of each kind one account or one client address may make ({@code linli.rate-limits.*}, set in
 * application.yml). They are far above what a resident does by hand; they stop scripts.
 *
 * @param enabled           off only where nothing should be counted
 * @param keyPrefix         prefix of the Redis keys (separate apps or test contexts sharing a Redis use their own)
 * @param redisTimeout      longest wait for Redis before a request is served without counting (fail open)
 * @param pauseAfterFailure how long the limiter stops asking Redis after a failure, so an outage costs no latency
 * @param login             logins and session refreshes per client address
 * @param anonymous         requests without an access token per client address
 * @param requests          requests per account (every /graphql and /photos request, operations over WebSocket)
 * @param mutations         mutations per account (each aliased root field counts)
 * @param uploads           photo uploads per account
 * @param subscriptions     subscriptions started per account (how many may be open at once is limited elsewhere)
 */
@ConfigurationProperties("linli.rate-limits")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("linli:rate:") String keyPrefix,
        @DefaultValue("1s") Duration redisTimeout,
        @DefaultValue("10s") Duration pauseAfterFailure,
        Limit login,
        Limit anonymous,
        Limit requests,
        Limit mutations,
        Limit uploads,
        Limit subscriptions) {

    /**
     * At most {@code requests} per {@code per}, refilled evenly: a burst of {@code requests} is allowed, then one more
     * every {@code per / requests}.
     */
    record Limit(int requests, Duration per) {

        Limit {
            if (requests < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("a rate limit needs at least 1 request per positive period");
            }
        }

        BucketConfiguration bucket() {
            return BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(requests).refillGreedy(requests, per).build())
                    .build();
        }

        /** Part of the Redis key: a changed limit starts fresh buckets instead of inheriting the stored ones. */
        String spec() {
            return requests + "/" + per.toSeconds() + "s";
        }
    }
}
