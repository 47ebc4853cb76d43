package cn.linli.household;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.linli.support.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared steps of the verification and membership tests, all through the api/ documents. Each test picks its own
 * households by label (never the demo resident's 锦江苑 1栋1单元101 nor 桂花园 1栋1单元, which other suites read), and
 * its own brand-new WeChat users, so tests do not see each other's requests.
 */
abstract class HouseholdTestBase extends IntegrationTest {

    /** A brand-new WeChat user (first login). */
    protected Login newcomer() {
        return login("verify-" + UUID.randomUUID());
    }

    /** The id of a community by name, found as a client finds it: paging through {@code communities}. */
    protected String communityId(Login who, String name) {
        GraphQlTester.Response page = api(who.client(), "Communities").variable("first", 100).execute();
        List<Map<String, Object>> nodes = page.path("communities.edges[*].node").entityList(MAP).get();
        return nodes.stream().filter(node -> name.equals(node.get("name"))).map(node -> (String) node.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("no community " + name));
    }

    /** A household's id from the community tree, by its label (e.g. 桂花园 2栋1单元101). */
    @SuppressWarnings("unchecked")
    protected String householdId(Login who, String communityName, String label) {
        GraphQlTester.Response tree = api(who.client(), "CommunityTree")
                .variable("id", communityId(who, communityName)).execute();
        tree.errors().verify();
        List<Map<String, Object>> households = tree.path("community.estates[*].buildings[*].units[*].households[*]")
                .entityList(MAP).get();
        return households.stream().filter(h -> label.equals(h.get("label"))).map(h -> (String) h.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("no household " + label));
    }

    protected String jinchengHousehold(Login who, String label) {
        return householdId(who, "锦城社区", label);
    }

    protected GraphQlTester.Response apply(Login who, String householdId, String relation, String realName,
                                           @Nullable String proofPhotoId) {
        Map<String, Object> input = new HashMap<>();
        input.put("householdId", householdId);
        input.put("relation", relation);
        input.put("realName", realName);
        if (proofPhotoId != null) {
            input.put("proofPhotoId", proofPhotoId);
        }
        return api(who.client(), "RequestHouseholdVerification").variable("input", input).execute();
    }

    /** Applies and returns the new request's id, failing unless it was accepted. */
    protected String applied(Login who, String householdId, String relation, String realName) {
        GraphQlTester.Response response = apply(who, householdId, relation, realName, null);
        response.errors().verify();
        response.path("requestHouseholdVerification.status").entity(String.class).isEqualTo("PENDING");
        return response.path("requestHouseholdVerification.id").entity(String.class).get();
    }

    protected GraphQlTester.Response approve(Login who, String requestId) {
        return api(who.client(), "ApproveVerificationRequest").variable("input", Map.of("requestId", requestId)).execute();
    }

    protected GraphQlTester.Response reject(Login who, String requestId, String reason) {
        return api(who.client(), "RejectVerificationRequest")
                .variable("input", Map.of("requestId", requestId, "reason", reason)).execute();
    }

    protected GraphQlTester.Response withdraw(Login who, String requestId) {
        return api(who.client(), "WithdrawVerificationRequest").variable("input", Map.of("requestId", requestId)).execute();
    }

    protected GraphQlTester.Response request(Login who, String requestId) {
        return api(who.client(), "VerificationRequest").variable("id", requestId).execute();
    }

    protected List<String> toDecide(Login who, String status) {
        return api(who.client(), "VerificationRequestsToDecide").variable("status", status).variable("first", 100)
                .execute().path("verificationRequestsToDecide.edges[*].node.id").entityList(String.class).get();
    }

    protected GraphQlTester.Response membership(Login who, String operation, Map<String, Object> input) {
        return api(who.client(), operation).variable("input", input).execute();
    }

    // ---- assertions on the database (never used to drive a flow) ----

    protected long members(String householdId, long accountId) {
        return count("select count(*) from household_member where household_id = " + householdId
                + " and account_id = " + accountId);
    }

    /** Audit entries of this subject and action, scoped to the household's community as they must be. */
    protected long audits(String subject, String subjectId, String action, String householdId) {
        return count("select count(*) from audit_event where subject = '" + subject + "' and subject_id = " + subjectId
                + " and action = '" + action + "' and community_id = (select community_id from household where id = "
                + householdId + ")");
    }

    protected long notices(long accountId, String kind) {
        return count("select count(*) from notification where account_id = " + accountId + " and kind = '" + kind + "'");
    }

    protected long accountIdOf(String openid) {
        return idOf("select id from account where openid = '" + openid + "'");
    }

    protected static void assertStatus(GraphQlTester.Response response, String path, String status) {
        response.errors().verify();
        assertThat(response.path(path + ".status").entity(String.class).get()).isEqualTo(status);
    }

    protected static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> MAP =
            new org.springframework.core.ParameterizedTypeReference<>() { };
}
