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

    /** A handler that just fires (no give-up): the common case. */
    static TimerHandler of(String kind, java.util.function.LongFunction<Mono<Void>> fire) {
        return new TimerHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Mono<Void> fire(long subjectId) {
                return fire.apply(subjectId);
            }
        };
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
