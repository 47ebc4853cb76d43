package cn.linli.platform.graphql;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Open subscriptions per account on this instance.
 * <p>
 * Per instance on purpose: what the cap protects (memory, the fan-out work of every event, the event loop) is per
 * instance, and an in-memory count is exact: it goes down when a subscription ends, however it ends, and vanishes
 * with the instance. A count in Redis would have to be leased and renewed so that a crashed instance does not lock its
 * users out, and would still only bound the total. With N instances behind the load balancer an account may hold at
 * most N × the cap; the rate of new subscriptions is a separate, Redis-wide limit.
 */
class SubscriptionCounts {

    private final ConcurrentHashMap<Long, Integer> open = new ConcurrentHashMap<>();

    /** Counts one more subscription for the account, unless it already holds {@code max}. */
    boolean tryAcquire(long accountId, int max) {
        AtomicBoolean admitted = new AtomicBoolean();
        open.compute(accountId, (id, held) -> {
            int now = held == null ? 0 : held;
            if (now >= max) {
                return held;
            }
            admitted.set(true);
            return now + 1;
        });
        return admitted.get();
    }

    void release(long accountId) {
        open.computeIfPresent(accountId, (id, held) -> held <= 1 ? null : held - 1);
    }
}
