package cn.linli.partner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 6: membership of a partner is an invitation the person accepts. Staff onboarding names an admin, who
 * is only invited; members leave; admins and staff remove; the PARTNER role follows membership.
 */
class PartnerInvitationE2ETest extends PartnerTestBase {

    private Map<String, Object> onboardInput(String communityId, String name, long adminAccountId) {
        Map<String, Object> input = new HashMap<>();
        input.put("communityId", communityId);
        input.put("name", name);
        input.put("kind", "CRAFTSMAN");
        input.put("categoryCodes", List.of("HOME_REPAIR"));
        input.put("capacity", 3);
        input.put("validFrom", TODAY.toString());
        input.put("validTo", TODAY.plusYears(1).toString());
        input.put("adminAccountId", String.valueOf(adminAccountId));
        return input;
    }

    private String onboard(Login staff, String communityId, long adminAccountId) {
        GraphQlTester.Response response = api(staff.client(), "OnboardPartner")
                .variable("input", onboardInput(communityId, unique("邀请测试"), adminAccountId)).execute();
        response.errors().verify();
        response.path("onboardPartner.members").entityList(Object.class).hasSize(0);
        return response.path("onboardPartner.id").entity(String.class).get();
    }

    private void assertNotAPartner(long accountId) {
        assertThat(count("select count(*) from partner_member where account_id = " + accountId)).isZero();
        assertThat(count("select count(*) from account_role where role = 'PARTNER' and account_id = " + accountId)).isZero();
    }

    private GraphQlTester.Response answer(Login who, String operation, String invitationId) {
        return api(who.client(), operation).variable("input", Map.of("invitationId", invitationId)).execute();
    }

    private void invite(Login admin, String partnerId, Login who, String role) {
        api(admin.client(), "AddPartnerMember").variable("input", Map.of("partnerId", partnerId,
                "accountId", String.valueOf(who.accountId()), "role", role)).execute().errors().verify();
    }

    private void accept(Login who, String partnerId) {
        answer(who, "AcceptPartnerInvitation", invitationTo(who, partnerId)).errors().verify();
    }

    @Test
    void staffOnboardingAStrangerANewAccountOrThemselvesMakesNobodyAPartnerUntilTheyAccept() {
        Login fangcao = fangcaoStaff();
        Login otherCommunitysResident = resident();
        Login brandNew = newcomer("victim");
        Login staff = staff();

        String strangers = onboard(fangcao, fangcao(), otherCommunitysResident.accountId());
        String newcomers = onboard(staff, jincheng(), brandNew.accountId());
        String own = onboard(staff, jincheng(), staff.accountId());
        for (Login victim : List.of(otherCommunitysResident, brandNew, staff)) {
            assertNotAPartner(victim.accountId());
            api(victim.client(), "MyPartner").execute().path("myPartner").valueIsNull();
        }
        // nobody answers for the invitee: not the inviting staff, not an administrator
        String newcomersInvitation = invitationTo(brandNew, newcomers);
        expectCode(answer(staff, "AcceptPartnerInvitation", newcomersInvitation), "FORBIDDEN");
        expectCode(answer(admin(), "AcceptPartnerInvitation", newcomersInvitation), "FORBIDDEN");
        expectCode(answer(login("demo-staff-2"), "DeclinePartnerInvitation",
                newcomersInvitation), "FORBIDDEN");

        answer(otherCommunitysResident, "DeclinePartnerInvitation", invitationTo(otherCommunitysResident, strangers))
                .path("declinePartnerInvitation.status").entity(String.class).isEqualTo("DECLINED");
        answer(staff, "DeclinePartnerInvitation", invitationTo(staff, own)).errors().verify();
        answer(brandNew, "DeclinePartnerInvitation", newcomersInvitation).errors().verify();
        expectCode(answer(brandNew, "AcceptPartnerInvitation", newcomersInvitation), "PARTNER_INVITATION_ANSWERED");
        for (Login victim : List.of(otherCommunitysResident, brandNew, staff)) {
            assertNotAPartner(victim.accountId());
        }

        // the new account is free to join the partner it really serves
        Login realAdmin = newcomer("real-admin");
        String real = onboard(staff, jincheng(), realAdmin.accountId());
        accept(realAdmin, real);
        invite(realAdmin, real, brandNew, "MEMBER");
        accept(brandNew, real);
        api(brandNew.client(), "MyPartner").execute().path("myPartner.id").entity(String.class).isEqualTo(real);
        assertThat(count("select count(*) from audit_event where subject = 'PARTNER' and action = 'DECLINED' and subject_id in ("
                + strangers + "," + newcomers + "," + own + ")")).isEqualTo(3);
    }

    @Test
    void membersJoinByAcceptingLeaveAndAreRemoved() {
        Login staff = staff();
        Login admin = newcomer("admin");
        String partnerId = onboard(staff, jincheng(), admin.accountId());
        accept(admin, partnerId);

        Login member = newcomer("member");
        Login decliner = newcomer("decliner");
        Login removed = newcomer("removed");
        invite(admin, partnerId, member, "MEMBER");
        invite(admin, partnerId, decliner, "MEMBER");
        invite(admin, partnerId, removed, "MEMBER");
        String memberInvitation = invitationTo(member, partnerId);
        answer(member, "AcceptPartnerInvitation", memberInvitation)
                .path("acceptPartnerInvitation.members[*].role").entityList(String.class).containsExactly("ADMIN", "MEMBER");
        expectCode(answer(member, "AcceptPartnerInvitation", memberInvitation), "PARTNER_INVITATION_ANSWERED");
        answer(decliner, "DeclinePartnerInvitation", invitationTo(decliner, partnerId)).errors().verify();
        assertNotAPartner(decliner.accountId());
        accept(removed, partnerId);

        // the only admin stays while others remain; a member leaves and loses the PARTNER role
        Map<String, Object> leave = Map.of("partnerId", partnerId);
        expectCode(api(admin.client(), "LeavePartner").variable("input", leave).execute(), "LAST_PARTNER_ADMIN");
        api(member.client(), "LeavePartner").variable("input", leave).execute().errors().verify();
        assertNotAPartner(member.accountId());

        // removing: not by a resident, staff of another community, a partner of another partner; not oneself
        Map<String, Object> removal = Map.of("partnerId", partnerId, "accountId", String.valueOf(removed.accountId()));
        expectCode(api(anonymous(), "RemovePartnerMember").variable("input", removal).execute(), "UNAUTHENTICATED");
        for (Login refused : List.of(resident(), fangcaoStaff(), partner(), removed)) {
            expectCode(api(refused.client(), "RemovePartnerMember").variable("input", removal).execute(), "FORBIDDEN");
        }
        api(admin.client(), "RemovePartnerMember").variable("input", Map.of("partnerId", partnerId,
                        "accountId", String.valueOf(admin.accountId()))).execute()
                .errors().expect(e -> "input.accountId".equals(e.getExtensions().get("field"))).verify();
        api(staff.client(), "RemovePartnerMember").variable("input", removal).execute()
                .path("removePartnerMember.members[*].role").entityList(String.class).containsExactly("ADMIN");
        assertNotAPartner(removed.accountId());

        // alone now, the admin may leave
        api(admin.client(), "LeavePartner").variable("input", leave).execute().errors().verify();
        assertNotAPartner(admin.accountId());
        assertThat(count("select count(*) from audit_event where subject = 'PARTNER' and subject_id = " + partnerId
                + " and action in ('INVITED', 'JOINED', 'DECLINED', 'LEFT', 'REMOVED')")).isEqualTo(4 + 3 + 1 + 2 + 1);
    }

    @Test
    void aMemberOfAnotherPartnerIsRefusedOnlyOnAcceptingAndAnAdminIsMadeByConsent() {
        Login staff = staff();
        Login admin = newcomer("promoter");
        String partnerId = onboard(staff, jincheng(), admin.accountId());
        accept(admin, partnerId);

        Login wang = partner();
        invite(admin, partnerId, wang, "ADMIN");
        expectCode(answer(wang, "AcceptPartnerInvitation", invitationTo(wang, partnerId)), "ALREADY_PARTNER_MEMBER");
        assertThat(count("select count(*) from partner_member where partner_id = " + partnerId)).isEqualTo(1);

        // a member becomes a second admin only by accepting; then the first admin may leave
        Login member = newcomer("second");
        invite(admin, partnerId, member, "MEMBER");
        accept(member, partnerId);
        invite(admin, partnerId, member, "ADMIN");
        answer(member, "AcceptPartnerInvitation", invitationTo(member, partnerId))
                .path("acceptPartnerInvitation.members[*].role").entityList(String.class).containsExactly("ADMIN", "ADMIN");
        api(admin.client(), "LeavePartner").variable("input", Map.of("partnerId", partnerId)).execute().errors().verify();
        assertNotAPartner(admin.accountId());
    }

    @Test
    void twentyAcceptsOfOneInvitationJoinOnce() throws Exception {
        Login admin = newcomer("race-admin");
        String partnerId = onboard(staff(), jincheng(), admin.accountId());
        String invitation = invitationTo(admin, partnerId);
        List<String> outcomes = concurrently(20, () -> answer(admin, "AcceptPartnerInvitation", invitation));
        assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("PARTNER_INVITATION_ANSWERED"::equals).hasSize(19);
        assertThat(count("select count(*) from partner_member where partner_id = " + partnerId)).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where subject = 'PARTNER' and action = 'JOINED' and subject_id = "
                + partnerId)).isEqualTo(1);
    }
}
