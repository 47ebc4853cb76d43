package cn.linli.platform.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Without Redis the limiter lets requests through (fail open), says so once, and stops asking for a while. */
@ExtendWith(OutputCaptureExtension.class)
class RateLimiterTest {

    private static final RateLimitProperties.Limit FIVE_A_MINUTE = new RateLimitProperties.Limit(5, Duration.ofMinutes(1));

    private static RateLimitProperties properties(Duration pause) {
        return new RateLimitProperties(true, "test:", Duration.ofMillis(200), pause, FIVE_A_MINUTE, FIVE_A_MINUTE,
                FIVE_A_MINUTE, FIVE_A_MINUTE, FIVE_A_MINUTE, FIVE_A_MINUTE);
    }

    private static boolean allowed(RateLimiter limiter) {
        return limiter.consume("requests", FIVE_A_MINUTE, "account:1", 1).block(Duration.ofSeconds(5)).allowed();
    }

    @Test
    void unreachableRedisServesEveryRequestAndLogsOnce(CapturedOutput output) {
        RedisClient nowhere = RedisClient.create("redis://127.0.0.1:1");
        try {
            RateLimiter limiter = new RateLimiter(properties(Duration.ZERO), () -> Bucket4jLettuce.casBasedBuilder(
                    nowhere.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE))).build().asAsync());
            limiter.connect();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("Rate limits are not counted"));
            for (int i = 0; i < 10; i++) {
                assertThat(allowed(limiter)).isTrue();
            }
            assertThat(output.getAll().split("Rate limits are not counted", -1)).hasSize(2);
        } finally {
            nowhere.shutdown();
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void aRedisThatStopsAnsweringCostsOneTimeoutThenIsNotAskedUntilThePauseEnds(CapturedOutput output) {
        AtomicInteger asked = new AtomicInteger();
        AsyncProxyManager<String> buckets = mock(AsyncProxyManager.class, RETURNS_DEEP_STUBS);
        when(buckets.builder().build(anyString(), any(Supplier.class)).tryConsumeAndReturnRemaining(anyLong()))
                .thenAnswer(call -> {
                    asked.incrementAndGet();
                    return new CompletableFuture<>();
                });
        RateLimiter limiter = new RateLimiter(properties(Duration.ofMinutes(5)), () -> buckets);
        limiter.connect();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> allowed(limiter) && output.getAll().contains("not counted"));
        int before = asked.get();
        for (int i = 0; i < 20; i++) {
            assertThat(allowed(limiter)).isTrue();
        }
        assertThat(asked.get()).isEqualTo(before);
    }

    @SuppressWarnings("unchecked")
    @Test
    void anEmptyBucketRefusesWithTheSecondsUntilTheNextToken() {
        AsyncProxyManager<String> buckets = mock(AsyncProxyManager.class, RETURNS_DEEP_STUBS);
        when(buckets.builder().build(anyString(), any(Supplier.class)).tryConsumeAndReturnRemaining(anyLong()))
                .thenReturn(CompletableFuture.completedFuture(ConsumptionProbe.rejected(0, 11_500_000_000L, 60_000_000_000L)));
        RateLimiter limiter = new RateLimiter(properties(Duration.ofMinutes(5)), () -> buckets);
        limiter.connect();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !allowed(limiter));
        RateLimiter.Decision decision = limiter.consume("requests", FIVE_A_MINUTE, "account:1", 1).block();
        assertThat(decision.retryAfterSeconds()).isEqualTo(12);
        assertThat(decision.message()).isEqualTo("操作太频繁，请 12 秒后再试");
    }
}
