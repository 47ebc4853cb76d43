package cn.linli.privacy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;

import static cn.linli.privacy.DeletionStatus.CANCELLED;
import static cn.linli.privacy.DeletionStatus.PENDING;
import static cn.linli.privacy.DeletionStatus.PERFORMED;

/**
 * The account deletion request's state machine: a request starts PENDING; only the person cancels it, only the
 * system (the cooling-off timer) performs it, each from PENDING alone, so a cancelled request is never performed and a
 * performed one never cancelled. The repository's conditional update binds {@link #sourcesOf}.
 */
final class DeletionLifecycle {

    static final DeletionStatus INITIAL = PENDING;

    private record Transition(Set<DeletionStatus> from, DeletionStatus to, DeletionActor by) {
    }

    private static final Map<DeletionAction, Transition> TABLE = new EnumMap<>(DeletionAction.class);

    static {
        TABLE.put(DeletionAction.CANCEL, new Transition(EnumSet.of(PENDING), CANCELLED, DeletionActor.PERSON));
        TABLE.put(DeletionAction.PERFORM, new Transition(EnumSet.of(PENDING), PERFORMED, DeletionActor.SYSTEM));
    }

    static Set<DeletionStatus> sourcesOf(DeletionAction action) {
        return Collections.unmodifiableSet(TABLE.get(action).from());
    }

    /** The state the action leads to; FORBIDDEN for the wrong actor, ACCOUNT_DELETION_INVALID_TRANSITION from a wrong state. */
    static DeletionStatus check(DeletionAction action, DeletionStatus from, DeletionActor actor) {
        Transition transition = TABLE.get(action);
        if (transition.by() != actor) {
            throw LinliException.forbidden();
        }
        if (!transition.from().contains(from)) {
            throw invalidTransition(from);
        }
        return transition.to();
    }

    static LinliException invalidTransition(DeletionStatus status) {
        return new LinliException(ErrorCode.ACCOUNT_DELETION_INVALID_TRANSITION,
                ErrorCode.ACCOUNT_DELETION_INVALID_TRANSITION.defaultMessage(), Map.of("status", status.name()), null);
    }

    private DeletionLifecycle() {
    }
}
