package cn.linli.partner;

import java.util.EnumSet;
import java.util.Set;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;

/**
 * An invitation to join a partner: only the invited person answers it, once. Nobody else — not the inviter, not staff,
 * not an administrator — can accept on their behalf (issue 16: no one becomes a partner member without consent).
 */
final class InvitationLifecycle {

    /** Who acts on an invitation: the invited person, or anyone else. */
    enum Actor { INVITEE, OTHER }

    enum Action {
        ACCEPT(InvitationStatus.ACCEPTED),
        DECLINE(InvitationStatus.DECLINED);

        private final InvitationStatus to;

        Action(InvitationStatus to) {
            this.to = to;
        }

        Set<InvitationStatus> from() {
            return EnumSet.of(InvitationStatus.PENDING);
        }

        InvitationStatus to() {
            return to;
        }
    }

    static Actor actorOf(long viewerAccountId, long inviteeAccountId) {
        return viewerAccountId == inviteeAccountId ? Actor.INVITEE : Actor.OTHER;
    }

    /** The status after the answer; FORBIDDEN for anyone but the invitee, PARTNER_INVITATION_ANSWERED when answered. */
    static InvitationStatus check(InvitationStatus from, Action action, Actor actor) {
        if (actor != Actor.INVITEE) {
            throw LinliException.forbidden();
        }
        if (!action.from().contains(from)) {
            throw answered();
        }
        return action.to;
    }

    static LinliException answered() {
        return new LinliException(ErrorCode.PARTNER_INVITATION_ANSWERED);
    }

    private InvitationLifecycle() {
    }
}
