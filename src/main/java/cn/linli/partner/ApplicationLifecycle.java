package cn.linli.partner;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;

/**
 * One community's request of a partner application: its staff approve or reject it once; the applicant withdraws the
 * whole application while nothing is decided. The applicant is never staff of their own request, even when they are
 * staff or an administrator (no self-approval). SQL guards bind {@link Action#from()}.
 */
final class ApplicationLifecycle {

    /** Who acts on a request: the person who applied, or the deciding community's staff (administrators included). */
    enum Actor { APPLICANT, STAFF }

    enum Action {
        APPROVE(ApplicationStatus.APPROVED, Actor.STAFF),
        REJECT(ApplicationStatus.REJECTED, Actor.STAFF),
        WITHDRAW(ApplicationStatus.WITHDRAWN, Actor.APPLICANT);

        private final ApplicationStatus to;
        private final Actor actor;

        Action(ApplicationStatus to, Actor actor) {
            this.to = to;
            this.actor = actor;
        }

        /** Every action starts from PENDING: a decision is final. */
        Set<ApplicationStatus> from() {
            return EnumSet.of(ApplicationStatus.PENDING);
        }

        ApplicationStatus to() {
            return to;
        }

        Actor actor() {
            return actor;
        }
    }

    /** The status after the action; FORBIDDEN for the wrong actor, PARTNER_APPLICATION_DECIDED from a final status. */
    static ApplicationStatus check(ApplicationStatus from, Action action, Actor actor) {
        if (action.actor != actor) {
            throw LinliException.forbidden();
        }
        if (!action.from().contains(from)) {
            throw decided();
        }
        return action.to;
    }

    /** Withdrawing takes back every community's request, so it needs every one of them still pending. */
    static void checkWithdraw(Collection<ApplicationStatus> statuses, Actor actor) {
        statuses.forEach(status -> check(status, Action.WITHDRAW, actor));
    }

    static LinliException decided() {
        return new LinliException(ErrorCode.PARTNER_APPLICATION_DECIDED);
    }

    private ApplicationLifecycle() {
    }
}
