package cn.linli.ballot;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;

import static cn.linli.ballot.BallotActor.STAFF;
import static cn.linli.ballot.BallotActor.TIMER;
import static cn.linli.ballot.BallotStatus.CANCELLED;
import static cn.linli.ballot.BallotStatus.CLOSED;
import static cn.linli.ballot.BallotStatus.DRAFT;
import static cn.linli.ballot.BallotStatus.OPEN;
import static cn.linli.ballot.BallotStatus.SCHEDULED;

/**
 * The ballot's state machine: DRAFT → (SCHEDULED →) OPEN → CLOSED, and CANCELLED from any state before CLOSED.
 * Staff edit drafts, publish them (SCHEDULED until {@code opensAt}, when a timer opens them), open at once, close
 * early and cancel; timers open scheduled ballots and close open ones. Repositories bind {@link #sourcesOf} in their
 * conditional updates, so a timer and a staff member acting at once cannot both win.
 */
final class BallotLifecycle {

    private record Transition(Set<BallotStatus> from, BallotStatus to, Set<BallotActor> by) {
    }

    private static final Map<BallotAction, Transition> TABLE = new EnumMap<>(BallotAction.class);

    static {
        TABLE.put(BallotAction.EDIT, new Transition(EnumSet.of(DRAFT), DRAFT, EnumSet.of(STAFF)));
        TABLE.put(BallotAction.PUBLISH, new Transition(EnumSet.of(DRAFT), SCHEDULED, EnumSet.of(STAFF)));
        TABLE.put(BallotAction.OPEN, new Transition(EnumSet.of(DRAFT, SCHEDULED), OPEN, EnumSet.of(STAFF, TIMER)));
        TABLE.put(BallotAction.CLOSE, new Transition(EnumSet.of(OPEN), CLOSED, EnumSet.of(STAFF, TIMER)));
        TABLE.put(BallotAction.CANCEL, new Transition(EnumSet.of(DRAFT, SCHEDULED, OPEN), CANCELLED, EnumSet.of(STAFF)));
    }

    static Set<BallotStatus> sourcesOf(BallotAction action) {
        return Collections.unmodifiableSet(TABLE.get(action).from());
    }

    static BallotStatus targetOf(BallotAction action) {
        return TABLE.get(action).to();
    }

    /** Whether the action is allowed at all (no exception), for timers that skip what is no longer due. */
    static boolean allows(BallotAction action, BallotStatus from, BallotActor actor) {
        Transition transition = TABLE.get(action);
        return transition.by().contains(actor) && transition.from().contains(from);
    }

    /** The state the action leads to; FORBIDDEN for an actor who may never take it, BALLOT_INVALID_TRANSITION otherwise. */
    static BallotStatus check(BallotAction action, BallotStatus from, BallotActor actor) {
        Transition transition = TABLE.get(action);
        if (!transition.by().contains(actor)) {
            throw LinliException.forbidden();
        }
        if (!transition.from().contains(from)) {
            throw invalidTransition(from);
        }
        return transition.to();
    }

    static LinliException invalidTransition(BallotStatus status) {
        return new LinliException(ErrorCode.BALLOT_INVALID_TRANSITION, "该投票" + status.displayName() + "，不能再操作",
                Map.of("status", status.name()), null);
    }

    private BallotLifecycle() {
    }
}
