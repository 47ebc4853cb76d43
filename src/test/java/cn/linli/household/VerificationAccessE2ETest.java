package cn.linli.household;

import java.util.Map;

import cn.linli.support.TestPhotos;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may see and decide a verification request. The applicant's real name, phone and proof photo travel only inside
 * the request, and the request goes only to its parties (applicant, the household's head, staff of its community,
 * administrators): everyone else gets FORBIDDEN for the whole request, never a part of it.
 */
class VerificationAccessE2ETest extends HouseholdTestBase {

    @Test
    void theHeadSeesTheApplicantInFullNeighboursAndOutsidersSeeNothing() {
        Login resident = resident(); // head of 锦江苑 1栋1单元101
        Login newcomer = newcomer();
        api(newcomer.client(), "BindPhoneNumber").variable("input", Map.of("code", "phone-13912345678")).execute();
        String household = jinchengHousehold(newcomer, "锦江苑 1栋1单元101");
        byte[] proof = TestPhotos.png();
        GraphQlTester.Response applied = apply(newcomer, household, "TENANT", "钱租户",
                TestPhotos.uploadedId(http(), newcomer.accessToken(), proof));
        applied.errors().verify();
        String requestId = applied.path("requestHouseholdVerification.id").entity(String.class).get();
        // approvers need to reach the applicant: they (and the applicant) get the bound phone in full
        String phone = applied.path("requestHouseholdVerification.applicantPhone").entity(String.class).get();
        assertThat(phone).isEqualTo("13912345678");

        // the head was told, finds it in their queue and sees name, phone and proof
        assertThat(notices(resident.accountId(), "VERIFICATION_REQUESTED")).isPositive();
        assertThat(toDecide(resident, "PENDING")).contains(requestId);
        GraphQlTester.Response seen = request(resident, requestId);
        seen.errors().verify();
        seen.path("verificationRequest.realName").entity(String.class).isEqualTo("钱租户");
        seen.path("verificationRequest.applicantPhone").entity(String.class).isEqualTo(phone);
        assertThat(fetch(seen.path("verificationRequest.proofPhotoUrl").entity(String.class).get())).isEqualTo(proof);

        // a member of the same household who is not its head, staff of another community, a partner: nothing
        for (Login outsider : new Login[] {family(), login("demo-staff-fangcao"), partner(), merchant()}) {
            expectCode(request(outsider, requestId), "FORBIDDEN");
            assertThat(toDecide(outsider, "PENDING")).doesNotContain(requestId);
            expectCode(approve(outsider, requestId), "FORBIDDEN");
            expectCode(reject(outsider, requestId, "不认识"), "FORBIDDEN");
            expectCode(withdraw(outsider, requestId), "FORBIDDEN");
        }
        expectCode(request(resident, "999999999"), "NOT_FOUND");
        assertStatus(withdraw(newcomer, requestId), "withdrawVerificationRequest", "WITHDRAWN");
        assertThat(members(household, newcomer.accountId())).isZero();
    }

    @Test
    void aResidentOfAnotherHouseholdCannotSeeOrDecide() {
        Login newcomer = newcomer();
        String requestId = applied(newcomer, jinchengHousehold(newcomer, "桂花园 2栋2单元302"), "FAMILY", "郑邻居");
        Login neighbour = resident(); // head of another household in the same community
        expectCode(request(neighbour, requestId), "FORBIDDEN");
        expectCode(approve(neighbour, requestId), "FORBIDDEN");
        assertThat(toDecide(neighbour, "PENDING")).doesNotContain(requestId);
        assertThat(count("select count(*) from verification_request where status = 'PENDING' and id = " + requestId))
                .isEqualTo(1);
    }

    @Test
    void anApplicantNeverDecidesTheirOwnRequestEvenAsStaff() {
        Login staffApplicant = login("demo-staff-2"); // staff of 锦城社区, applying to a household there
        String household = jinchengHousehold(staffApplicant, "锦江苑 2栋2单元102");
        String requestId = applied(staffApplicant, household, "FAMILY", "陈网格");
        assertThat(toDecide(staffApplicant, "PENDING")).as("never one's own").doesNotContain(requestId);
        GraphQlTester.Response own = approve(staffApplicant, requestId);
        own.errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))
                && e.getMessage() != null && e.getMessage().contains("自己")).verify();
        expectCode(reject(staffApplicant, requestId, "自己驳回"), "FORBIDDEN");
        // the applicant still sees their own request in full
        request(staffApplicant, requestId).path("verificationRequest.realName").entity(String.class).isEqualTo("陈网格");
        assertThat(members(household, staffApplicant.accountId())).isZero();
        assertStatus(withdraw(staffApplicant, requestId), "withdrawVerificationRequest", "WITHDRAWN");
    }

    @Test
    void anonymousCallersAreRefusedEverywhere() {
        Login newcomer = newcomer();
        String household = jinchengHousehold(newcomer, "锦江苑 2栋2单元102");
        String requestId = applied(newcomer, household, "FAMILY", "冯匿名");
        var anonymous = anonymous();
        for (GraphQlTester.Response response : new GraphQlTester.Response[] {
                api(anonymous, "RequestHouseholdVerification").variable("input",
                        Map.of("householdId", household, "relation", "FAMILY", "realName", "匿名")).execute(),
                api(anonymous, "ApproveVerificationRequest").variable("input", Map.of("requestId", requestId)).execute(),
                api(anonymous, "RejectVerificationRequest").variable("input",
                        Map.of("requestId", requestId, "reason", "x")).execute(),
                api(anonymous, "WithdrawVerificationRequest").variable("input", Map.of("requestId", requestId)).execute(),
                api(anonymous, "VerificationRequest").variable("id", requestId).execute(),
                api(anonymous, "MyVerificationRequests").execute(),
                api(anonymous, "VerificationRequestsToDecide").execute(),
                api(anonymous, "RemoveHouseholdMember").variable("input",
                        Map.of("householdId", household, "accountId", "1")).execute(),
                api(anonymous, "HandOverHouseholdHead").variable("input",
                        Map.of("householdId", household, "toAccountId", "1")).execute(),
                api(anonymous, "LeaveHousehold").variable("input", Map.of("householdId", household)).execute()}) {
            expectCode(response, "UNAUTHENTICATED");
        }
        assertThat(count("select count(*) from verification_request where status = 'PENDING' and id = " + requestId))
                .isEqualTo(1);
    }
}
