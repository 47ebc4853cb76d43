package cn.linli.console;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;

import static cn.linli.console.TicketStatus.CLAIMED;
import static cn.linli.console.TicketStatus.CONFIRMED;
import static cn.linli.console.TicketStatus.PENDING;

/**
 * The ticket's state machine: PENDING → CONFIRMED (by staff, before it expires) → CLAIMED (by the console, once).
 * The repository's conditional updates bind {@link #sourcesOf}, so concurrent confirms and polls are decided by the
 * database with this table; {@link #check} turns a lost race or a replay into the error the caller sees.
 */
final class TicketLifecycle {

    static final TicketStatus INITIAL = PENDING;

    private record Transition(Set<TicketStatus> from, TicketStatus to, TicketParty by) {
    }

    private static final Map<TicketAction, Transition> TABLE = new EnumMap<>(TicketAction.class);

    static {
        TABLE.put(TicketAction.CONFIRM, new Transition(EnumSet.of(PENDING), CONFIRMED, TicketParty.STAFF));
        TABLE.put(TicketAction.CLAIM, new Transition(EnumSet.of(CONFIRMED), CLAIMED, TicketParty.CONSOLE));
    }

    static Set<TicketStatus> sourcesOf(TicketAction action) {
        return Collections.unmodifiableSet(TABLE.get(action).from());
    }

    static TicketStatus targetOf(TicketAction action) {
        return TABLE.get(action).to();
    }

    /** The state the action leads to; FORBIDDEN for the wrong party, CONSOLE_TICKET_USED from any other state. */
    static TicketStatus check(TicketAction action, TicketStatus from, TicketParty party) {
        Transition transition = TABLE.get(action);
        if (transition.by() != party) {
            throw LinliException.forbidden();
        }
        if (!transition.from().contains(from)) {
            throw used(from);
        }
        return transition.to();
    }

    static LinliException used(TicketStatus status) {
        return new LinliException(ErrorCode.CONSOLE_TICKET_USED, ErrorCode.CONSOLE_TICKET_USED.defaultMessage(),
                Map.of("status", status.name()), null);
    }

    static LinliException expired() {
        return new LinliException(ErrorCode.CONSOLE_TICKET_EXPIRED, ErrorCode.CONSOLE_TICKET_EXPIRED.defaultMessage());
    }

    private TicketLifecycle() {
    }
}
