package cn.linli.householdimport;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Encryption at rest (issue 17) on the path where names and phones meet: the imported head's name and phone, the bound
 * phone and the applicant's real name are unreadable in the database, read back in full through the API, and the
 * phones are still compared — by keyed hash — to tell approvers that an applicant's phone is the registered one.
 */
class SealedHouseholdDataE2ETest extends ImportTestBase {

    @Test
    void namesAndPhonesAreSealedYetShownAndMatchedByTheirKeyedHash() {
        Place place = newCommunity();
        String headPhone = "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        commit(place.staff(), uploadedId(place, csv(HEADER, "枫林苑,1栋,1单元,101,赵桂芳," + headPhone,
                "枫林苑,1栋,1单元,102,钱多多,13700000102"))).errors().verify();
        long room101 = idOf("select id from household where room = '101' and community_id = " + place.communityId());
        long room102 = idOf("select id from household where room = '102' and community_id = " + place.communityId());

        Login head = login("sealed-head-" + UUID.randomUUID());
        api(head.client(), "BindPhoneNumber").variable("input", Map.of("code", "phone-" + headPhone)).execute()
                .errors().verify();
        GraphQlTester.Response matching = apply(head, room101, "赵桂芳");
        matching.path("requestHouseholdVerification.realName").entity(String.class).isEqualTo("赵桂芳");
        matching.path("requestHouseholdVerification.applicantPhone").entity(String.class).isEqualTo(headPhone);
        matching.path("requestHouseholdVerification.phoneMatchesRegisteredHead").entity(Boolean.class).isEqualTo(true);
        // the same person asking about another household: their phone is not that household's registered one
        apply(head, room102, "赵桂芳").path("requestHouseholdVerification.phoneMatchesRegisteredHead")
                .entity(Boolean.class).isEqualTo(false);
        Login noPhone = login("sealed-nophone-" + UUID.randomUUID());
        apply(noPhone, room101, "孙小美").path("requestHouseholdVerification.phoneMatchesRegisteredHead")
                .entity(Boolean.class).isEqualTo(false);

        // staff read the same in their queue
        api(place.staff().client(), "VerificationRequestsToDecide").variable("status", "PENDING").execute()
                .path("verificationRequestsToDecide.edges[*].node.realName").entityList(String.class)
                .contains("赵桂芳", "孙小美");

        // nothing of it is readable in the database
        assertThat(count("select count(*) from account where id = " + head.accountId() + " and phone like 'enc:%'"
                + " and phone not like '%" + headPhone + "%'")).isEqualTo(1);
        assertThat(count("select count(*) from verification_request where household_id in (" + room101 + ", " + room102
                + ") and real_name like 'enc:%'")).isEqualTo(3);
        assertThat(count("select count(*) from verification_request where real_name in ('赵桂芳', '孙小美')")).isZero();
        assertThat(count("select count(*) from household where id in (" + room101 + ", " + room102 + ")"
                + " and registered_head_name like 'enc:%' and registered_head_phone like 'enc:%'")).isEqualTo(2);
        assertThat(count("select count(*) from household_import_row where head_phone = '" + headPhone
                + "' or head_name = '赵桂芳'")).isZero();

        // the export opens them again: the file a staff member downloads is the file they imported
        String exported = new String(http().get().uri("/exports/households?communityId=" + place.communityId()
                        + "&format=csv")
                .header("Authorization", "Bearer " + place.staff().accessToken())
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(exported).contains("赵桂芳," + headPhone).contains("钱多多,13700000102");
    }

    private GraphQlTester.Response apply(Login who, long household, String realName) {
        GraphQlTester.Response response = api(who.client(), "RequestHouseholdVerification").variable("input", Map.of(
                "householdId", String.valueOf(household), "relation", "HEAD", "realName", realName)).execute();
        response.errors().verify();
        return response;
    }
}
