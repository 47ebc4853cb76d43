package cn.linli.household;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;

import static cn.linli.household.VerificationParty.APPLICANT;
import static cn.linli.household.VerificationParty.HEAD;
import static cn.linli.household.VerificationParty.STAFF;
import static cn.linli.household.VerificationStatus.APPROVED;
import static cn.linli.household.VerificationStatus.PENDING;
import static cn.linli.household.VerificationStatus.REJECTED;
import static cn.linli.household.VerificationStatus.WITHDRAWN;

/**
 * The verification request's state machine in one table: each action, the states it leaves from, the state it leads
 * to, and which parties may take it. Services ask {@link #check}; the repository's conditional update binds
 * {@link #sourcesOf}, so the database decides races between approvers with the same rule.
 */
final class VerificationLifecycle {

    static final VerificationStatus INITIAL = PENDING;

    private record Transition(Set<VerificationStatus> from, VerificationStatus to, Set<VerificationParty> by) {
    }

    private static final Map<VerificationAction, Transition> TABLE = new EnumMap<>(VerificationAction.class);

    static {
        TABLE.put(VerificationAction.APPROVE, new Transition(EnumSet.of(PENDING), APPROVED, EnumSet.of(HEAD, STAFF)));
        TABLE.put(VerificationAction.REJECT, new Transition(EnumSet.of(PENDING), REJECTED, EnumSet.of(HEAD, STAFF)));
        TABLE.put(VerificationAction.WITHDRAW, new Transition(EnumSet.of(PENDING), WITHDRAWN, EnumSet.of(APPLICANT)));
    }

    static Set<VerificationStatus> sourcesOf(VerificationAction action) {
        return Collections.unmodifiableSet(TABLE.get(action).from());
    }

    static VerificationStatus targetOf(VerificationAction action) {
        return TABLE.get(action).to();
    }

    /**
     * The state the action leads to, or a refusal: FORBIDDEN when none of the viewer's parties may take the action,
     * and always when the applicant would decide their own request (even as its head or as staff: nobody vouches for
     * themselves); VERIFICATION_INVALID_TRANSITION when the action is allowed, but not from this state.
     */
    static VerificationStatus check(VerificationAction action, VerificationStatus from, Set<VerificationParty> parties) {
        Transition transition = TABLE.get(action);
        if (action.decides() && parties.contains(APPLICANT)) {
            throw new LinliException(ErrorCode.FORBIDDEN, "不能审核自己的认证申请");
        }
        if (Collections.disjoint(parties, transition.by())) {
            throw LinliException.forbidden();
        }
        if (!transition.from().contains(from)) {
            throw invalidTransition(from);
        }
        return transition.to();
    }

    static LinliException invalidTransition(VerificationStatus status) {
        return new LinliException(ErrorCode.VERIFICATION_INVALID_TRANSITION,
                "该认证申请" + status.displayName() + "，不能再操作", Map.of("status", status.name()), null);
    }

    private VerificationLifecycle() {
    }
}
