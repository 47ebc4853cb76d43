package cn.linli.household;

import java.util.Map;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import org.jspecify.annotations.Nullable;

/**
 * Who may change a household's membership, as pure rules. Heads manage their household; staff of its community (and
 * administrators) may too, because they keep the register when a head has moved away; everybody may leave, except a
 * head who would leave others behind without one.
 */
final class MembershipRules {

    /**
     * A head removes another member; staff remove anyone, the head included (the household is then headless and
     * requests go to staff). Removing yourself is leaving, with its rule.
     */
    static void checkRemove(long viewerId, boolean viewerIsHead, boolean viewerIsStaff, Member target, int memberCount) {
        if (target.accountId() == viewerId) {
            checkLeave(target, memberCount);
            return;
        }
        if (!viewerIsStaff && !(viewerIsHead && !target.isHead())) {
            throw LinliException.forbidden();
        }
    }

    /** A head with others still in the household hands over first, so a lived-in household keeps a head. */
    static void checkLeave(Member self, int memberCount) {
        if (self.isHead() && memberCount > 1) {
            throw new LinliException(ErrorCode.HEAD_MUST_HAND_OVER);
        }
    }

    /** The head (or staff, when the head cannot) passes the role to another member of the same household. */
    static void checkHandOver(boolean viewerIsHead, boolean viewerIsStaff, @Nullable Member to) {
        if (!viewerIsHead && !viewerIsStaff) {
            throw LinliException.forbidden();
        }
        if (to == null) {
            throw LinliException.invalid("input.toAccountId", "只能移交给本户的其他成员");
        }
        if (to.isHead()) {
            throw LinliException.invalid("input.toAccountId", "此人已是户主");
        }
    }

    /**
     * Joining as head needs a household without one: the existing head hands over (or leaves, or staff remove a
     * head who moved away) first. Refused rather than silently demoting the current head.
     */
    static void checkJoin(HouseholdRelation relation, @Nullable Long currentHeadId) {
        if (relation == HouseholdRelation.HEAD && currentHeadId != null) {
            throw hasHead();
        }
    }

    static LinliException hasHead() {
        return new LinliException(ErrorCode.HOUSEHOLD_HAS_HEAD,
                "该户已有户主：请户主先移交户主身份（或由社区移除已迁出的户主），也可驳回后请申请人以家属或租户身份申请");
    }

    static LinliException alreadyMember() {
        return new LinliException(ErrorCode.ALREADY_HOUSEHOLD_MEMBER);
    }

    static LinliException retired() {
        return new LinliException(ErrorCode.PLACE_RETIRED, "该房屋已停用，不能申请认证或加入成员",
                Map.of("field", "input.householdId"), null);
    }

    private MembershipRules() {
    }
}
