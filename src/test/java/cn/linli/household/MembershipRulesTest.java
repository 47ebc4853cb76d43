package cn.linli.household;

import java.time.Instant;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may change a household's membership: every allowed and refused case of {@link MembershipRules}. */
class MembershipRulesTest {

    private static final long HEAD_ID = 1;
    private static final long FAMILY_ID = 2;
    private static final long OUTSIDER_ID = 3;

    private static final Member HEAD = new Member(10, HEAD_ID, true, HouseholdRelation.HEAD, Instant.EPOCH);
    private static final Member FAMILY = new Member(10, FAMILY_ID, false, HouseholdRelation.FAMILY, Instant.EPOCH);
    private static final Member TENANT = new Member(10, 4, false, HouseholdRelation.TENANT, Instant.EPOCH);

    private static void refused(Executable rule, ErrorCode code) {
        assertThatThrownBy(rule::execute).isInstanceOfSatisfying(LinliException.class,
                ex -> assertThat(ex.code()).isEqualTo(code));
    }

    private static void allowed(Executable rule) {
        assertThatNoException().isThrownBy(rule::execute);
    }

    @Test
    void theHeadRemovesOtherMembers() {
        allowed(() -> MembershipRules.checkRemove(HEAD_ID, true, false, FAMILY, 3));
        allowed(() -> MembershipRules.checkRemove(HEAD_ID, true, false, TENANT, 3));
    }

    @Test
    void aMemberWhoIsNotHeadRemovesNobodyElse() {
        refused(() -> MembershipRules.checkRemove(FAMILY_ID, false, false, TENANT, 3), ErrorCode.FORBIDDEN);
        refused(() -> MembershipRules.checkRemove(FAMILY_ID, false, false, HEAD, 3), ErrorCode.FORBIDDEN);
        refused(() -> MembershipRules.checkRemove(OUTSIDER_ID, false, false, FAMILY, 3), ErrorCode.FORBIDDEN);
    }

    @Test
    void staffRemoveAnyoneTheHeadIncluded() {
        allowed(() -> MembershipRules.checkRemove(OUTSIDER_ID, false, true, HEAD, 3));
        allowed(() -> MembershipRules.checkRemove(OUTSIDER_ID, false, true, FAMILY, 3));
    }

    @Test
    void removingYourselfFollowsTheLeavingRule() {
        allowed(() -> MembershipRules.checkRemove(FAMILY_ID, false, false, FAMILY, 3));
        refused(() -> MembershipRules.checkRemove(HEAD_ID, true, false, HEAD, 3), ErrorCode.HEAD_MUST_HAND_OVER);
        refused(() -> MembershipRules.checkRemove(HEAD_ID, true, true, HEAD, 2), ErrorCode.HEAD_MUST_HAND_OVER);
        allowed(() -> MembershipRules.checkRemove(HEAD_ID, true, false, HEAD, 1));
    }

    @Test
    void aHeadLeavesOnlyWhenAloneOtherMembersAlways() {
        refused(() -> MembershipRules.checkLeave(HEAD, 2), ErrorCode.HEAD_MUST_HAND_OVER);
        allowed(() -> MembershipRules.checkLeave(HEAD, 1));
        allowed(() -> MembershipRules.checkLeave(FAMILY, 2));
        allowed(() -> MembershipRules.checkLeave(TENANT, 5));
    }

    @Test
    void handOverGoesFromTheHeadOrStaffToAnotherMember() {
        allowed(() -> MembershipRules.checkHandOver(true, false, FAMILY));
        allowed(() -> MembershipRules.checkHandOver(false, true, TENANT));
        refused(() -> MembershipRules.checkHandOver(false, false, FAMILY), ErrorCode.FORBIDDEN);
        refused(() -> MembershipRules.checkHandOver(true, false, null), ErrorCode.VALIDATION_FAILED);
        refused(() -> MembershipRules.checkHandOver(true, false, HEAD), ErrorCode.VALIDATION_FAILED);
    }

    @Test
    void joiningAsHeadNeedsAHeadlessHousehold() {
        refused(() -> MembershipRules.checkJoin(HouseholdRelation.HEAD, HEAD_ID), ErrorCode.HOUSEHOLD_HAS_HEAD);
        allowed(() -> MembershipRules.checkJoin(HouseholdRelation.HEAD, null));
        allowed(() -> MembershipRules.checkJoin(HouseholdRelation.FAMILY, HEAD_ID));
        allowed(() -> MembershipRules.checkJoin(HouseholdRelation.TENANT, null));
    }
}
