package cn.linli.partner;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;

/**
 * Leaving and removing members. A partner must not be left with members but no admin: nobody could then manage it or
 * invite an admin back. So its last admin may leave only when they are its last member (or after another admin joined).
 * Staff and administrators may still remove anyone, the last admin included: undoing a wrongly made admin is their job.
 */
final class MembershipRules {

    /** @param admins the partner's admins, the leaver included; @param members all its members, the leaver included */
    static void checkLeave(PartnerMember leaver, int admins, int members) {
        if (leaver.isAdmin() && admins == 1 && members > 1) {
            throw new LinliException(ErrorCode.LAST_PARTNER_ADMIN);
        }
    }

    /**
     * Whoever manages the partner (its admins, staff of a contracted community, administrators) removes any member
     * but themselves: removing oneself is leaving, which keeps the last-admin rule.
     */
    static void checkRemove(long removerAccountId, long removedAccountId) {
        if (removerAccountId == removedAccountId) {
            throw LinliException.invalid("input.accountId", "要退出合伙人，请使用“退出”");
        }
    }

    private MembershipRules() {
    }
}
