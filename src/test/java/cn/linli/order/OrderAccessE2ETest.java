package cn.linli.order;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may see and do what; wrong-state transitions; replayed and bad requests. Each refusal changes nothing. */
class OrderAccessE2ETest extends OrderTestBase {

    @Test
    void othersCannotSeeOrTouchAnOrder() {
        String category = newCategory("ASSIGN");
        TestPartner assigned = newPartner(category, 3);
        TestPartner stranger = newPartner(category, 3);
        Login resident = resident();
        long orderId = placeOrder(resident, category);
        String id = String.valueOf(orderId);

        // a resident of another household, a partner it was not dispatched to, staff of another community
        for (String code : List.of("demo-partner", "demo-staff-fangcao", stranger.memberCode())) {
            expectCode(api(login(code).client(), "Order").variable("id", id).execute(), "FORBIDDEN");
        }
        String neighbour = "o-demo-resident-2";
        long neighbourId = idOf("select id from account where openid = '" + neighbour + "'");
        assertThat(neighbourId).isPositive();
        // the family member shares the household, so sees it
        api(family().client(), "Order").variable("id", id).execute().errors().verify();

        // residents cannot dispatch; the wrong partner cannot accept; staff of another community cannot cancel
        expectCode(mutate(resident, "DispatchOrder", Map.of("orderId", id, "partnerId", String.valueOf(assigned.id()))),
                "FORBIDDEN");
        expectCode(mutate(login("demo-staff-fangcao"), "CancelOrder", Map.of("orderId", id, "reason", "测试")), "FORBIDDEN");
        mutate(staff(), "DispatchOrder", Map.of("orderId", id, "partnerId", String.valueOf(assigned.id())))
                .errors().verify();
        expectCode(mutate(login(stranger.memberCode()), "AcceptOrder", Map.of("orderId", id)), "FORBIDDEN");
        expectCode(mutate(resident, "StartOrder", Map.of("orderId", id)), "FORBIDDEN");
        assertThat(status(orderId)).isEqualTo("DISPATCHED");
        assertThat(count("select count(*) from order_event where order_id = " + orderId)).isEqualTo(2);

        // staff queue, inbox and candidates are for their owners only
        expectCode(api(login("demo-staff-fangcao").client(), "DispatchQueue").variable("communityId", jincheng()).execute(),
                "FORBIDDEN");
        expectCode(api(resident.client(), "PartnerInbox").variable("filter", "DISPATCHED").execute(), "FORBIDDEN");
        expectCode(api(login(assigned.memberCode()).client(), "DispatchCandidates").variable("orderId", id).execute(),
                "FORBIDDEN");
        expectCode(api(anonymous(), "Order").variable("id", id).execute(), "UNAUTHENTICATED");
        expectCode(api(resident.client(), "Order").variable("id", "999999999").execute(), "NOT_FOUND");
    }

    @Test
    void transitionsFromTheWrongStateAreRefusedAndChangeNothing() {
        String category = newCategory("ASSIGN");
        TestPartner partner = newPartner(category, 3);
        Login resident = resident();
        Login member = login(partner.memberCode());
        long orderId = placeOrder(resident, category);
        String id = String.valueOf(orderId);
        mutate(staff(), "DispatchOrder", Map.of("orderId", id, "partnerId", String.valueOf(partner.id())))
                .errors().verify();

        expectCode(mutate(member, "StartOrder", Map.of("orderId", id)), "ORDER_INVALID_TRANSITION"); // accept first
        mutate(member, "AcceptOrder", Map.of("orderId", id)).errors().verify();
        expectCode(mutate(member, "CompleteOrder", Map.of("orderId", id, "minutesSpent", 30)), "ORDER_INVALID_TRANSITION");
        expectCode(mutate(resident, "ConfirmOrder", Map.of("orderId", id, "quality", 5, "punctuality", 5, "attitude", 5)),
                "ORDER_INVALID_TRANSITION");
        expectCode(mutate(resident, "CancelOrder", Map.of("orderId", id, "reason", "不需要了")), "ORDER_INVALID_TRANSITION");
        expectCode(mutate(member, "AcceptOrder", Map.of("orderId", id)), "ORDER_INVALID_TRANSITION");
        assertThat(status(orderId)).isEqualTo("ACCEPTED");

        mutate(member, "StartOrder", Map.of("orderId", id)).errors().verify();
        mutate(member, "CompleteOrder", Map.of("orderId", id, "minutesSpent", 30)).errors().verify();
        mutate(resident, "ConfirmOrder", Map.of("orderId", id, "quality", 5, "punctuality", 5, "attitude", 5))
                .errors().verify();
        expectCode(mutate(resident, "ConfirmOrder", Map.of("orderId", id, "quality", 1, "punctuality", 1, "attitude", 1)),
                "ORDER_INVALID_TRANSITION");
        expectCode(mutate(staff(), "CancelOrder", Map.of("orderId", id, "reason", "误操作")),
                "ORDER_INVALID_TRANSITION");
        assertThat(count("select rating_quality from service_order where id = " + orderId)).isEqualTo(5);
        assertThat(count("select count(*) from order_event where order_id = " + orderId)).isEqualTo(6);
    }

    @Test
    void cancellationRulesAndCapacityRelease() {
        String category = newCategory("ASSIGN");
        TestPartner partner = newPartner(category, 1);
        Login resident = resident();
        Login staff = staff();

        long early = placeOrder(resident, category);
        mutate(resident, "CancelOrder", Map.of("orderId", String.valueOf(early), "reason", "已自行解决"))
                .path("cancelOrder.status").entity(String.class).isEqualTo("CANCELLED");

        long accepted = placeOrder(resident, category);
        mutate(staff, "DispatchOrder", Map.of("orderId", String.valueOf(accepted), "partnerId", String.valueOf(partner.id())))
                .errors().verify();
        mutate(login(partner.memberCode()), "AcceptOrder", Map.of("orderId", String.valueOf(accepted))).errors().verify();
        assertThat(activeOrders(partner.id())).isEqualTo(1);
        expectCode(mutate(resident, "CancelOrder", Map.of("orderId", String.valueOf(accepted), "reason", "不想等了")),
                "ORDER_INVALID_TRANSITION");
        GraphQlTester.Response cancelled = mutate(staff, "CancelOrder",
                Map.of("orderId", String.valueOf(accepted), "reason", "居民电话告知已不需要"));
        cancelled.path("cancelOrder.status").entity(String.class).isEqualTo("CANCELLED");
        cancelled.path("cancelOrder.timeline[3].reason").entity(String.class).isEqualTo("居民电话告知已不需要");
        cancelled.path("cancelOrder.timeline[3].actorKind").entity(String.class).isEqualTo("STAFF");
        assertThat(activeOrders(partner.id())).as("cancellation frees the capacity").isZero();
    }

    @Test
    void replayedPlaceOrderReturnsTheSameOrderAndAReusedKeyIsRefused() throws Exception {
        String category = newCategory("ASSIGN");
        Login resident = resident();
        Map<String, Object> input = orderInput(category);

        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<String> ids = new ArrayList<>();
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> place(resident, input).path("placeOrder.id").entity(String.class).get());
            }
            for (Future<String> result : pool.invokeAll(calls)) {
                ids.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(count("select count(*) from service_order where idempotency_key = '" + input.get("idempotencyKey") + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from order_event where order_id = " + ids.get(0))).isEqualTo(1);

        Map<String, Object> different = new HashMap<>(input);
        different.put("description", "换了一件事");
        GraphQlTester.Response reused = place(resident, different);
        reused.errors().expect(e -> "IDEMPOTENCY_KEY_REUSED".equals(e.getExtensions().get("code"))
                && "input.idempotencyKey".equals(e.getExtensions().get("field"))).verify();
    }

    @Test
    void badOrderInputNamesTheFieldAndCreatesNothing() {
        String category = newCategory("ASSIGN");
        Login resident = resident();
        long before = count("select count(*) from service_order");
        Map<String, String> cases = Map.of(
                "description", "input.description",
                "photoIds", "input.photoIds",
                "contactPhone", "input.contactPhone",
                "idempotencyKey", "input.idempotencyKey",
                "householdId", "FORBIDDEN",
                "categoryCode", "input.categoryCode",
                "preferredTo", "input.preferredTo");
        for (var entry : cases.entrySet()) {
            Map<String, Object> input = orderInput(category);
            switch (entry.getKey()) {
                case "description" -> input.put("description", "修".repeat(1001));
                case "photoIds" -> input.put("photoIds", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"));
                case "contactPhone" -> input.put("contactPhone", "call me");
                case "idempotencyKey" -> input.put("idempotencyKey", "short");
                case "householdId" -> input.put("householdId",
                        String.valueOf(idOf("select household_id from household_member m join account a on a.id = m.account_id"
                                + " where a.openid = 'o-demo-resident-2'")));
                case "categoryCode" -> input.put("categoryCode", "NO_SUCH_CATEGORY");
                default -> {
                    input.put("preferredFrom", "2026-12-01T10:00:00+08:00");
                    input.put("preferredTo", "2026-12-01T09:00:00+08:00");
                }
            }
            GraphQlTester.Response response = place(resident, input);
            if (entry.getValue().equals("FORBIDDEN")) {
                expectCode(response, "FORBIDDEN");
            } else {
                response.errors().expect(e -> "VALIDATION_FAILED".equals(e.getExtensions().get("code"))
                        && entry.getValue().equals(e.getExtensions().get("field"))).verify();
            }
        }
        Map<String, Object> wrongType = orderInput(category);
        wrongType.put("urgency", "VERY_URGENT");
        place(resident, wrongType).errors().expect(e -> "VALIDATION_FAILED".equals(e.getExtensions().get("code"))).verify();
        assertThat(count("select count(*) from service_order")).isEqualTo(before);
    }

    @Test
    void silenceAfterCompletionConfirmsTheOrderOnce() {
        String category = newCategory("ASSIGN");
        TestPartner partner = newPartner(category, 2);
        Login resident = resident();
        Login member = login(partner.memberCode());
        long orderId = placeOrder(resident, category);
        String id = String.valueOf(orderId);
        mutate(staff(), "DispatchOrder", Map.of("orderId", id, "partnerId", String.valueOf(partner.id())))
                .errors().verify();
        mutate(member, "AcceptOrder", Map.of("orderId", id)).errors().verify();
        mutate(member, "StartOrder", Map.of("orderId", id)).errors().verify();
        mutate(member, "CompleteOrder", Map.of("orderId", id, "minutesSpent", 45)).errors().verify();

        timers.runDue().block();
        assertThat(status(orderId)).as("not yet due").isEqualTo("COMPLETED");

        makeAutoConfirmDue(orderId);
        timers.runDue().block();
        timers.runDue().block();

        assertThat(status(orderId)).isEqualTo("CONFIRMED");
        assertThat(count("select count(*) from order_event where order_id = " + orderId
                + " and to_status = 'CONFIRMED' and actor_kind = 'SYSTEM'")).isEqualTo(1);
        expectCode(mutate(resident, "ConfirmOrder", Map.of("orderId", id, "quality", 5, "punctuality", 5, "attitude", 5)),
                "ORDER_INVALID_TRANSITION");
    }
}
