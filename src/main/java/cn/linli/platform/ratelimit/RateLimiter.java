package cn.linli.platform.ratelimit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Takes tokens from Bucket4j buckets kept in Redis, without blocking: Bucket4j's async API over a Lettuce connection
 * of its own. Redis guards no rule here, it only slows abuse down, so when Redis is unreachable or slow the request is
 * served uncounted (fail open): one WARN when counting stops, one INFO when it resumes, and no Redis call at all for
 * {@code pauseAfterFailure} so an outage adds no latency to every request.
 */
class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final Decision ALLOWED = new Decision(true, 0);

    private final RateLimitProperties properties;
    private final Callable<AsyncProxyManager<String>> connect;
    private final AtomicReference<@Nullable AsyncProxyManager<String>> buckets = new AtomicReference<>();
    private final AtomicBoolean connecting = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicLong pausedUntil = new AtomicLong(System.nanoTime());

    /** {@code connect} opens the Redis connection (blocking: it runs on a worker thread, never on the event loop). */
    RateLimiter(RateLimitProperties properties, Callable<AsyncProxyManager<String>> connect) {
        this.properties = properties;
        this.connect = connect;
    }

    /** The answer for one request: allowed, or refused with the seconds until a retry can succeed. */
    record Decision(boolean allowed, long retryAfterSeconds) {

        String message() {
            return "操作太频繁，请 " + retryAfterSeconds + " 秒后再试";
        }
    }

    /** Takes {@code tokens} from the bucket of {@code kind} for {@code subject} (an account id or a client address). */
    Mono<Decision> consume(String kind, RateLimitProperties.Limit limit, String subject, long tokens) {
        if (!properties.enabled() || System.nanoTime() - pausedUntil.get() < 0) {
            return Mono.just(ALLOWED);
        }
        AsyncProxyManager<String> manager = connected();
        if (manager == null) {
            return Mono.just(ALLOWED);
        }
        String key = properties.keyPrefix() + kind + ":" + limit.spec() + ":" + subject;
        long wanted = Math.min(tokens, limit.requests());
        return Mono.fromFuture(() -> manager.builder()
                        .build(key, () -> CompletableFuture.completedFuture(limit.bucket()))
                        .tryConsumeAndReturnRemaining(wanted))
                .timeout(properties.redisTimeout())
                .map(probe -> decide(probe, limit))
                .onErrorResume(failure -> Mono.fromSupplier(() -> failOpen(failure)));
    }

    private Decision decide(ConsumptionProbe probe, RateLimitProperties.Limit limit) {
        if (failing.compareAndSet(true, false)) {
            log.info("Rate limits are counted again (Redis answers)");
        }
        if (probe.isConsumed()) {
            return ALLOWED;
        }
        long seconds = Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1;
        return new Decision(false, Math.min(seconds, Math.max(limit.per().toSeconds(), 1)));
    }

    private Decision failOpen(Throwable failure) {
        pausedUntil.set(System.nanoTime() + properties.pauseAfterFailure().toNanos());
        if (failing.compareAndSet(false, true)) {
            log.warn("Rate limits are not counted while Redis is unavailable; requests are served (next try in {}): {}",
                    properties.pauseAfterFailure(), failure.toString());
        }
        return ALLOWED;
    }

    /** The buckets, or null while the connection is being (re)opened in the background: those requests pass. */
    private @Nullable AsyncProxyManager<String> connected() {
        AsyncProxyManager<String> ready = buckets.get();
        if (ready == null) {
            connect();
        }
        return ready;
    }

    /** Opens the connection in the background unless that is already under way. */
    void connect() {
        if (!connecting.compareAndSet(false, true)) {
            return;
        }
        Mono.fromCallable(connect)
                .subscribeOn(Schedulers.boundedElastic())
                .doFinally(signal -> connecting.set(false))
                .subscribe(buckets::set, failure -> failOpen(failure));
    }
}
