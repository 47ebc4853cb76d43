package cn.linli.platform.timer;

import reactor.core.publisher.Mono;

/**
 * Work a feature wants done when one of its timers falls due. {@link #fire} runs inside the database transaction that
 * removes the timer, so its effects and the removal commit together: a timer fires once, or not at all and is retried.
 * A handler may schedule the same (kind, subject) again.
 */
public interface TimerHandler {

    /** The timer kind this handler serves, e.g. {@code ORDER_ACCEPT_DEADLINE}. */
    String kind();

    Mono<Void> fire(long subjectId);

    /** A handler that just fires (no give-up) inside the timer's transaction: the common case. */
    static TimerHandler of(String kind, java.util.function.LongFunction<Mono<Void>> fire) {
        return of(kind, false, fire);
    }

    /** A handler that calls WeChat: it runs under a lease, outside any transaction of the poller (see {@link #leased}). */
    static TimerHandler leased(String kind, java.util.function.LongFunction<Mono<Void>> fire) {
        return of(kind, true, fire);
    }

    private static TimerHandler of(String kind, boolean leased, java.util.function.LongFunction<Mono<Void>> fire) {
        return new TimerHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Mono<Void> fire(long subjectId) {
                return fire.apply(subjectId);
            }

            @Override
            public boolean leased() {
                return leased;
            }
        };
    }

    /**
     * Whether {@link #fire} runs outside the timer's transaction, under a lease: the timer is claimed (its due time
     * pushed past the lease) and committed, the handler runs with no transaction or lock of the poller's, and the
     * timer is removed once it succeeds. For handlers that call WeChat, so no connection or row lock is held while
     * WeChat answers. A crash after the call but before the removal fires the handler again when the lease runs out:
     * it must be idempotent (check the subject's state, change it with conditional updates).
     */
    default boolean leased() {
        return false;
    }

    /** After this many failed attempts the timer stops retrying and {@link #giveUp} is called. */
    default int maxAttempts() {
        return Integer.MAX_VALUE;
    }

    /** Called once, in its own transaction, when {@link #maxAttempts} failures have happened. */
    default Mono<Void> giveUp(long subjectId, String reason) {
        return Mono.empty();
    }
}
