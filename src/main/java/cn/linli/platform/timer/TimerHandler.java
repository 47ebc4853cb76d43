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
}
