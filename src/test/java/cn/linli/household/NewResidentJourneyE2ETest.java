package cn.linli.household;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's promise, end to end: a brand-new WeChat user goes from first login to a confirmed order using only the
 * API, as the mini-program would (SQL only to assert the end state). The demo staff approve the verification and
 * dispatch the order; the demo partner serves it.
 */
class NewResidentJourneyE2ETest extends HouseholdTestBase {

    @Test
    void aNewWeChatUserVerifiesAHouseholdAndGetsAnOrderConfirmed() {
        // first login: a resident of nowhere, who cannot order yet
        Login newcomer = login("new-resident-" + UUID.randomUUID());
        GraphQlTester.Response me = api(newcomer.client(), "Me").execute();
        me.path("me.households").entityList(Object.class).hasSize(0);
        api(newcomer.client(), "BindPhoneNumber").variable("input", Map.of("code", "phone-13700001234")).execute()
                .errors().verify();

        // finds 锦城社区 and walks its tree to 桂花园 2栋 2单元 202
        String community = communityId(newcomer, "锦城社区");
        GraphQlTester.Response tree = api(newcomer.client(), "CommunityTree").variable("id", community).execute();
        tree.errors().verify();
        List<Map<String, Object>> estates = tree.path("community.estates").entityList(MAP).get();
        Map<String, Object> estate = named(estates, "name", "桂花园");
        Map<String, Object> building = named(children(estate, "buildings"), "name", "2栋");
        Map<String, Object> unit = named(children(building, "units"), "name", "2单元");
        String household = (String) named(children(unit, "households"), "room", "202").get("id");

        // not a member yet: ordering for it is refused
        expectCode(api(newcomer.client(), "PlaceOrder").variable("input", Map.of("householdId", household,
                "categoryCode", "HOME_REPAIR", "description", "还没认证就下单", "urgency", "NORMAL",
                "contactPhone", "13700001234", "idempotencyKey", "order-" + UUID.randomUUID())).execute(), "FORBIDDEN");

        // asks to join as family; the community's staff approve
        String requestId = applied(newcomer, household, "FAMILY", "新居民");
        Login staff = staff();
        assertThat(toDecide(staff, "PENDING")).contains(requestId);
        assertStatus(approve(staff, requestId), "approveVerificationRequest", "APPROVED");
        GraphQlTester.Response inbox = api(newcomer.client(), "MyNotifications").variable("first", 10).execute();
        inbox.path("myNotifications.edges[0].node.kind").entity(String.class).isEqualTo("VERIFICATION_APPROVED");

        // no new session needed: roles were RESIDENT from the first login, and households are read per request
        GraphQlTester.Response verified = api(newcomer.client(), "Me").execute();
        verified.path("me.households[*].id").entityList(String.class).containsExactly(household);
        verified.path("me.roles").entityList(String.class).contains("RESIDENT");

        // orders 王师傅's repair for the new home
        GraphQlTester.Response offerings = api(newcomer.client(), "Offerings").variable("communityId", community)
                .variable("categoryCode", "HOME_REPAIR").variable("first", 100).execute();
        offerings.errors().verify();
        Map<String, Object> offering = named(offerings.path("offerings.edges[*].node").entityList(MAP).get(),
                "title", "上门维修水管");
        @SuppressWarnings("unchecked")
        String partnerId = (String) ((Map<String, Object>) offering.get("partner")).get("id");
        GraphQlTester.Response placed = api(newcomer.client(), "PlaceOrder").variable("input", Map.of(
                "householdId", household, "offeringId", offering.get("id"), "categoryCode", "HOME_REPAIR",
                "description", "新家厨房水管漏水，请上门维修", "urgency", "NORMAL",
                "contactPhone", "13700001234", "idempotencyKey", "order-" + UUID.randomUUID())).execute();
        placed.errors().verify();
        placed.path("placeOrder.household.label").entity(String.class).isEqualTo("桂花园 2栋2单元202");
        String orderId = placed.path("placeOrder.id").entity(String.class).get();

        // staff dispatch, the partner accepts, serves and completes
        step(staff, "DispatchOrder", Map.of("orderId", orderId, "partnerId", partnerId), "DISPATCHED");
        Login partner = partner();
        step(partner, "AcceptOrder", Map.of("orderId", orderId), "ACCEPTED");
        step(partner, "StartOrder", Map.of("orderId", orderId), "IN_SERVICE");
        step(partner, "CompleteOrder", Map.of("orderId", orderId, "minutesSpent", 45, "notes", "更换了水管接头"),
                "COMPLETED");

        // and the new resident confirms it
        step(newcomer, "ConfirmOrder", Map.of("orderId", orderId, "quality", 5, "punctuality", 5, "attitude", 5,
                "comment", "刚认证就能下单，很方便"), "CONFIRMED");
        assertThat(count("select count(*) from service_order where status = 'CONFIRMED' and id = " + orderId
                + " and resident_id = " + newcomer.accountId() + " and household_id = " + household)).isEqualTo(1);
    }

    private static void step(Login who, String operation, Map<String, Object> input, String status) {
        GraphQlTester.Response response = api(who.client(), operation).variable("input", input).execute();
        response.errors().verify();
        String field = Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
        response.path(field + ".status").entity(String.class).isEqualTo(status);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> children(Map<String, Object> parent, String field) {
        return (List<Map<String, Object>>) parent.get(field);
    }

    private static Map<String, Object> named(List<Map<String, Object>> nodes, String field, String value) {
        return nodes.stream().filter(node -> value.equals(node.get(field))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + " " + value));
    }
}
