package cn.linli.partner;

import java.util.List;
import java.util.Map;

import cn.linli.partner.ApplicationLifecycle.Action;
import cn.linli.partner.ApplicationLifecycle.Actor;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every (status, action, actor) of an application request and of an invitation, and the membership rules. */
class PartnerLifecyclesTest {

    private static final Map<String, ApplicationStatus> APPLICATION_ALLOWED = Map.of(
            "PENDING APPROVE STAFF", ApplicationStatus.APPROVED,
            "PENDING REJECT STAFF", ApplicationStatus.REJECTED,
            "PENDING WITHDRAW APPLICANT", ApplicationStatus.WITHDRAWN);

    @Test
    void applicationRequestsFollowOnlyTheirTable() {
        int allowed = 0;
        for (ApplicationStatus from : ApplicationStatus.values()) {
            for (Action action : Action.values()) {
                for (Actor actor : Actor.values()) {
                    String transition = from + " " + action + " " + actor;
                    ApplicationStatus expected = APPLICATION_ALLOWED.get(transition);
                    if (expected != null) {
                        assertThat(ApplicationLifecycle.check(from, action, actor)).as(transition).isEqualTo(expected);
                        assertThat(action.from()).as(transition).contains(from);
                        allowed++;
                        continue;
                    }
                    // the wrong actor is FORBIDDEN whatever the status (the applicant never approves themselves)
                    ErrorCode code = action.actor() != actor ? ErrorCode.FORBIDDEN : ErrorCode.PARTNER_APPLICATION_DECIDED;
                    assertThatThrownBy(() -> ApplicationLifecycle.check(from, action, actor)).as(transition)
                            .isInstanceOfSatisfying(LinliException.class, ex -> assertThat(ex.code()).isEqualTo(code));
                }
            }
        }
        assertThat(allowed).isEqualTo(APPLICATION_ALLOWED.size());
    }

    @Test
    void withdrawingNeedsEveryCommunityStillPendingAndTheApplicant() {
        ApplicationLifecycle.checkWithdraw(List.of(ApplicationStatus.PENDING, ApplicationStatus.PENDING), Actor.APPLICANT);
        assertThatThrownBy(() -> ApplicationLifecycle.checkWithdraw(
                List.of(ApplicationStatus.PENDING, ApplicationStatus.REJECTED), Actor.APPLICANT))
                .isInstanceOfSatisfying(LinliException.class,
                        ex -> assertThat(ex.code()).isEqualTo(ErrorCode.PARTNER_APPLICATION_DECIDED));
        assertThatThrownBy(() -> ApplicationLifecycle.checkWithdraw(List.of(ApplicationStatus.PENDING), Actor.STAFF))
                .isInstanceOfSatisfying(LinliException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void invitationsAreAnsweredOnceAndOnlyByTheInvitee() {
        int allowed = 0;
        for (InvitationStatus from : InvitationStatus.values()) {
            for (InvitationLifecycle.Action action : InvitationLifecycle.Action.values()) {
                for (InvitationLifecycle.Actor actor : InvitationLifecycle.Actor.values()) {
                    String transition = from + " " + action + " " + actor;
                    if (from == InvitationStatus.PENDING && actor == InvitationLifecycle.Actor.INVITEE) {
                        assertThat(InvitationLifecycle.check(from, action, actor)).as(transition).isEqualTo(action.to());
                        allowed++;
                        continue;
                    }
                    ErrorCode code = actor != InvitationLifecycle.Actor.INVITEE ? ErrorCode.FORBIDDEN
                            : ErrorCode.PARTNER_INVITATION_ANSWERED;
                    assertThatThrownBy(() -> InvitationLifecycle.check(from, action, actor)).as(transition)
                            .isInstanceOfSatisfying(LinliException.class, ex -> assertThat(ex.code()).isEqualTo(code));
                }
            }
        }
        assertThat(allowed).isEqualTo(2);
        assertThat(InvitationLifecycle.Action.ACCEPT.to()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(InvitationLifecycle.Action.DECLINE.to()).isEqualTo(InvitationStatus.DECLINED);
        assertThat(InvitationLifecycle.actorOf(7, 7)).isEqualTo(InvitationLifecycle.Actor.INVITEE);
        assertThat(InvitationLifecycle.actorOf(7, 8)).isEqualTo(InvitationLifecycle.Actor.OTHER);
    }

    @Test
    void theLastAdminStaysWhileOthersRemain() {
        PartnerMember admin = new PartnerMember(1, 10, "队长", MemberRole.ADMIN);
        PartnerMember member = new PartnerMember(2, 10, "队员", MemberRole.MEMBER);
        MembershipRules.checkLeave(member, 1, 2);
        MembershipRules.checkLeave(admin, 1, 1);
        MembershipRules.checkLeave(admin, 2, 3);
        assertThatThrownBy(() -> MembershipRules.checkLeave(admin, 1, 2))
                .isInstanceOfSatisfying(LinliException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.LAST_PARTNER_ADMIN));
        MembershipRules.checkRemove(1, 2);
        assertThatThrownBy(() -> MembershipRules.checkRemove(1, 1))
                .isInstanceOfSatisfying(LinliException.class,
                        ex -> assertThat(ex.extensions()).containsEntry("field", "input.accountId"));
    }
}
