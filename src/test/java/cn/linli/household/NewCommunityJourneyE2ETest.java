package cn.linli.household;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's "done means": a community nobody seeded is brought up through the API alone — as README.md's path from
 * an empty database shows. An administrator creates the street and the community and appoints its staff; the staff
 * import the households from the sample file shipped in the repository; a craftsman applies as a partner and is
 * approved; a new WeChat user verifies a household and gets an order served and confirmed. SQL only to assert.
 */
class NewCommunityJourneyE2ETest extends HouseholdTestBase {

    @Test
    void aCommunityComesUpFromNothingThroughTheApi() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Login admin = admin();

        // the administrator: street, community, and its first staff member (who logged in once)
        String street = data(api(admin.client(), "CreateStreet").variable("input", Map.of("name", "红星街道" + suffix)),
                "createStreet.id");
        String community = data(api(admin.client(), "CreateCommunity").variable("input", Map.of("streetId", street,
                "name", "翠竹社区" + suffix, "address", "红星路 1 号")), "createCommunity.id");
        Login secretary = login("secretary-" + suffix);
        api(admin.client(), "AppointStaff").variable("input", Map.of("communityId", community,
                "accountId", String.valueOf(secretary.accountId()), "title", "社区书记")).execute().errors().verify();

        // the staff: the households, from the sample file (dry run, then commit)
        String importId = importSample(secretary, community);
        api(secretary.client(), "CommitHouseholdImport").variable("input", Map.of("importId", importId)).execute()
                .errors().verify();
        assertThat(count("select count(*) from household where community_id = " + community)).isEqualTo(12);

        // a craftsman applies to serve it; the staff approve with a contract
        Login craftsman = login("craftsman-" + suffix);
        String application = data(api(craftsman.client(), "ApplyAsPartner").variable("input", Map.of(
                "kind", "CRAFTSMAN", "name", "刘师傅水电" + suffix, "categoryCodes", List.of("HOME_REPAIR"),
                "communityIds", List.of(community), "contactName", "刘师傅", "contactPhone", "13900002222")),
                "applyAsPartner.id");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        GraphQlTester.Response approved = api(secretary.client(), "ApprovePartnerApplication").variable("input",
                Map.of("applicationId", application, "communityId", community, "validFrom", today.toString(),
                        "validTo", today.plusYears(1).toString(), "capacity", 5)).execute();
        approved.errors().verify();
        String partnerId = approved.path("approvePartnerApplication.partner.id").entity(String.class).get();
        api(craftsman.client(), "SetPartnerOnline").variable("input", Map.of("online", true)).execute().errors().verify();

        // a new WeChat user finds the community by name, picks a room from the imported tree and asks to join
        Login resident = login("cuizhu-" + suffix);
        GraphQlTester.Response found = api(resident.client(), "SearchCommunities").variable("search", "翠竹社区" + suffix)
                .execute();
        found.path("communities.edges[*].node.id").entityList(String.class).containsExactly(community);
        String household = householdIdIn(resident, community, "翠竹苑 1栋1单元102");
        String request = applied(resident, household, "HEAD", "陈新");
        // the imported room has no head yet: the community's staff decide
        assertStatus(approve(secretary, request), "approveVerificationRequest", "APPROVED");

        // the order: placed, dispatched to the new partner, served, confirmed
        String order = data(api(resident.client(), "PlaceOrder").variable("input", Map.of("householdId", household,
                "categoryCode", "HOME_REPAIR", "description", "卫生间水龙头漏水", "urgency", "NORMAL",
                "contactPhone", "13700005678", "idempotencyKey", "order-" + suffix)), "placeOrder.id");
        api(secretary.client(), "DispatchCandidates").variable("orderId", order).execute()
                .path("dispatchCandidates[*].partner.id").entityList(String.class).contains(partnerId);
        step(secretary, "DispatchOrder", Map.of("orderId", order, "partnerId", partnerId), "DISPATCHED");
        step(craftsman, "AcceptOrder", Map.of("orderId", order), "ACCEPTED");
        step(craftsman, "StartOrder", Map.of("orderId", order), "IN_SERVICE");
        step(craftsman, "CompleteOrder", Map.of("orderId", order, "minutesSpent", 30), "COMPLETED");
        step(resident, "ConfirmOrder", Map.of("orderId", order, "quality", 5, "punctuality", 5, "attitude", 5),
                "CONFIRMED");

        assertThat(count("select count(*) from service_order where status = 'CONFIRMED' and id = " + order
                + " and household_id = " + household + " and partner_id = " + partnerId)).isEqualTo(1);
        // and every step of the tree, the staff and the partner is on the community's audit trail
        assertThat(count("select count(distinct subject) from audit_event where community_id = " + community))
                .isGreaterThanOrEqualTo(4);
    }

    private String importSample(Login staff, String community) throws IOException {
        byte[] sample;
        try (InputStream in = getClass().getResourceAsStream("/samples/households.csv")) {
            sample = Objects.requireNonNull(in).readAllBytes();
        }
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(sample) {
            @Override
            public String getFilename() {
                return "households.csv";
            }
        }).contentType(MediaType.TEXT_PLAIN);
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = http().post().uri("/imports/households?communityId=" + community)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + staff.accessToken())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(form.build()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) Objects.requireNonNull(summary).get("id");
    }

    @SuppressWarnings("unchecked")
    private String householdIdIn(Login who, String community, String label) {
        GraphQlTester.Response tree = api(who.client(), "CommunityTree").variable("id", community).execute();
        tree.errors().verify();
        return tree.path("community.estates[*].buildings[*].units[*].households[*]").entityList(MAP).get().stream()
                .filter(h -> label.equals(h.get("label"))).map(h -> (String) h.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no household " + label));
    }

    private static void step(Login who, String operation, Map<String, Object> input, String status) {
        GraphQlTester.Response response = api(who.client(), operation).variable("input", input).execute();
        response.errors().verify();
        String field = Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
        response.path(field + ".status").entity(String.class).isEqualTo(status);
    }
}
