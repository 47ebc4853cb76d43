package cn.linli.notification;

import java.util.EnumSet;
import java.util.Set;

import cn.linli.wechat.WeChatMessages;

/**
 * The delivery lifecycle of one outbox row: every row starts {@link OutboxStatus#PENDING} and ends exactly once.
 * Failures in between (WeChat or network errors) change nothing here: the send throws, the timer rolls back and
 * retries later with back-off (platform {@code Timers}: 1 s × 2<sup>failures</sup>, at most 10 minutes), and after
 * {@link #attemptBound the attempt bound} the row is given up. Pure: no Spring, no database.
 */
final class OutboxLifecycle {

    /** What ends a pending row, and the state it ends in. */
    enum Action {
        /** WeChat accepted the message. */
        DELIVER(OutboxStatus.SENT),
        /** No consent left in our count: nothing is sent. */
        SKIP_WITHOUT_CONSENT(OutboxStatus.NO_CONSENT),
        /** WeChat answered 43101: the consent is gone whatever we counted. */
        CONSENT_WITHDRAWN(OutboxStatus.NO_CONSENT),
        /** The timer reached its attempt bound. */
        GIVE_UP(OutboxStatus.GAVE_UP);

        private final OutboxStatus target;

        Action(OutboxStatus target) {
            this.target = target;
        }

        OutboxStatus target() {
            return target;
        }
    }

    private static final Set<OutboxStatus> SOURCES = EnumSet.of(OutboxStatus.PENDING);

    /** Whether {@code action} may end a row that is {@code from}: only pending rows end, and only once. */
    static boolean allows(OutboxStatus from, Action action) {
        return SOURCES.contains(from);
    }

    /** The states the SQL guard of {@code action} accepts, as text for {@code status = any(:from)}. */
    static String[] sourcesOf(Action action) {
        return SOURCES.stream().map(Enum::name).toArray(String[]::new);
    }

    /** How a send attempt that reached WeChat ends the row. */
    static Action afterSend(WeChatMessages.Outcome outcome) {
        return switch (outcome) {
            case SENT -> Action.DELIVER;
            case NO_CONSENT -> Action.CONSENT_WITHDRAWN;
        };
    }

    /** Sends of one message before it is given up: the configured bound, but at least one try. */
    static int attemptBound(int configured) {
        return Math.max(1, configured);
    }

    /** After {@code failures} failed sends, whether the row is given up rather than retried. */
    static boolean givesUp(int failures, int configured) {
        return failures >= attemptBound(configured);
    }

    private OutboxLifecycle() {
    }
}
