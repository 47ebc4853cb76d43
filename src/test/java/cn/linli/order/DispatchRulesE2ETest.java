package cn.linli.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Grab races, declines, deadlines and escalation. */
class DispatchRulesE2ETest extends OrderTestBase {

    @Test
    void twentyPartnersGrabOneOrderAtOnceAndExactlyOneWins() throws Exception {
        String category = newCategory("GRAB");
        List<TestPartner> partners = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            partners.add(newPartner(category, 2));
        }
        List<Login> members = partners.stream().map(p -> login(p.memberCode())).toList();
        long orderId = placeOrder(resident(), category);
        assertThat(count("select count(*) from order_offer where order_id = " + orderId)).isEqualTo(20);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<String> outcomes = new ArrayList<>();
        try {
            List<Callable<String>> accepts = new ArrayList<>();
            for (Login member : members) {
                accepts.add(() -> {
                    start.await();
                    GraphQlTester.Response response = mutate(member, "AcceptOrder", Map.of("orderId", String.valueOf(orderId)));
                    List<String> codes = new ArrayList<>();
                    response.errors().satisfy(errors -> errors.forEach(e -> codes.add(String.valueOf(e.getExtensions().get("code")))));
                    return codes.isEmpty() ? "WON" : String.join(",", codes);
                });
            }
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> accept : accepts) {
                futures.add(pool.submit(accept));
            }
            start.countDown();
            for (Future<String> future : futures) {
                outcomes.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(outcomes).filteredOn("WON"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("ORDER_ALREADY_TAKEN"::equals).hasSize(19);
        assertThat(status(orderId)).isEqualTo("ACCEPTED");
        long winner = partnerOf(orderId);
        assertThat(partners.stream().map(TestPartner::id)).contains(winner);
        assertThat(count("select count(*) from order_event where order_id = " + orderId + " and to_status = 'ACCEPTED'"))
                .isEqualTo(1);
        assertThat(count("select coalesce(sum(active_orders), 0) from partner where id in ("
                + String.join(",", partners.stream().map(p -> String.valueOf(p.id())).toList()) + ")")).isEqualTo(1);
    }

    @Test
    void declineRedispatchesToTheNextCandidateAndNeverBackThenEscalates() {
        String category = newCategory("AUTO");
        TestPartner first = newPartner(category, 3);
        TestPartner second = newPartner(category, 3);
        long orderId = placeOrder(resident(), category);
        long firstChoice = partnerOf(orderId);
        TestPartner a = firstChoice == first.id() ? first : second;
        TestPartner b = a == first ? second : first;

        mutate(login(a.memberCode()), "DeclineOrder", Map.of("orderId", String.valueOf(orderId), "reason", "师傅今天不在"))
                .path("declineOrder.status").entity(String.class).isEqualTo("DISPATCHED");
        assertThat(partnerOf(orderId)).isEqualTo(b.id());
        assertThat(activeOrders(a.id())).isZero();
        assertThat(activeOrders(b.id())).isEqualTo(1);

        GraphQlTester.Response declined = mutate(login(b.memberCode()), "DeclineOrder",
                Map.of("orderId", String.valueOf(orderId), "reason", "超出服务范围"));
        declined.path("declineOrder.status").entity(String.class).isEqualTo("SUBMITTED");
        declined.path("declineOrder.escalated").entity(Boolean.class).isEqualTo(true);
        assertThat(activeOrders(b.id())).isZero();

        // staff cannot send it back to a partner that declined it
        Login staff = staff();
        api(staff.client(), "DispatchCandidates").variable("orderId", orderId).execute()
                .path("dispatchCandidates").entityList(Object.class).hasSize(0);
        expectCode(mutate(staff, "DispatchOrder", Map.of("orderId", String.valueOf(orderId),
                "partnerId", String.valueOf(a.id()))), "PARTNER_NOT_ELIGIBLE");
        assertThat(status(orderId)).isEqualTo("SUBMITTED");
        // a new partner can take it
        TestPartner third = newPartner(category, 1);
        mutate(staff, "DispatchOrder", Map.of("orderId", String.valueOf(orderId), "partnerId", String.valueOf(third.id())))
                .path("dispatchOrder.escalated").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void expiredDeadlineRedispatchesOnceAndTheLatePartnerCannotAccept() {
        String category = newCategory("AUTO");
        TestPartner first = newPartner(category, 3);
        TestPartner second = newPartner(category, 3);
        long orderId = placeOrder(resident(), category);
        long late = partnerOf(orderId);
        TestPartner latePartner = late == first.id() ? first : second;

        expireDeadline(orderId);

        assertThat(status(orderId)).isEqualTo("DISPATCHED");
        assertThat(partnerOf(orderId)).isNotEqualTo(late).isIn(first.id(), second.id());
        assertThat(count("select count(*) from order_event where order_id = " + orderId + " and reason = '接单超时'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from order_decline where order_id = " + orderId + " and expired")).isEqualTo(1);
        assertThat(activeOrders(late)).isZero();
        expectCode(mutate(login(latePartner.memberCode()), "AcceptOrder", Map.of("orderId", String.valueOf(orderId))),
                "ORDER_ACCEPT_EXPIRED");

        // placed, dispatched, timed out, dispatched again; running the timers again changes nothing
        timers.runDue().block();
        assertThat(count("select count(*) from order_event where order_id = " + orderId)).isEqualTo(4);
    }

    @Test
    void unansweredGrabOfferEscalatesToStaff() {
        String category = newCategory("GRAB");
        newPartner(category, 3);
        long orderId = placeOrder(resident(), category);
        expireDeadline(orderId);
        assertThat(status(orderId)).isEqualTo("SUBMITTED");
        assertThat(count("select count(*) from service_order where id = " + orderId + " and escalated")).isEqualTo(1);
        api(staff().client(), "DispatchQueue").variable("communityId", jincheng()).variable("escalated", true)
                .variable("first", 100).execute()
                .path("dispatchQueue.edges[*].node.id").entityList(String.class).contains(String.valueOf(orderId));
    }

    @Test
    void orderWithNoCandidateAtAllGoesStraightToStaffEscalated() {
        String category = newCategory("AUTO");
        long orderId = placeOrder(resident(), category);
        assertThat(status(orderId)).isEqualTo("SUBMITTED");
        assertThat(count("select count(*) from service_order where id = " + orderId + " and escalated")).isEqualTo(1);
    }

    @Test
    void acceptRacingItsDeadlineEndsInExactlyOneConsistentState() throws Exception {
        String category = newCategory("ASSIGN");
        Login staff = staff();
        Login resident = resident();
        for (int round = 0; round < 8; round++) {
            TestPartner partner = newPartner(category, 1);
            Login member = login(partner.memberCode());
            long orderId = placeOrder(resident, category);
            mutate(staff, "DispatchOrder", Map.of("orderId", String.valueOf(orderId), "partnerId",
                    String.valueOf(partner.id()))).errors().verify();
            // the deadline falls due right as the partner answers
            db.sql("update service_order set accept_deadline = now() + interval '300 milliseconds' where id = :id")
                    .bind("id", orderId).then().block();
            db.sql("update timer set due_at = now() + interval '300 milliseconds' where subject_id = :id")
                    .bind("id", orderId).then().block();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            long acceptDelay = 150 + round * 40L; // from well before the deadline to after it
            try {
                Future<GraphQlTester.Response> accept = pool.submit(() -> {
                    Thread.sleep(acceptDelay);
                    return mutate(member, "AcceptOrder", Map.of("orderId", String.valueOf(orderId)));
                });
                Future<Integer> expire = pool.submit(() -> {
                    Thread.sleep(300);
                    int fired = 0;
                    for (int i = 0; i < 30; i++) {
                        fired += timers.runDue().block();
                        Thread.sleep(10);
                    }
                    return fired;
                });
                GraphQlTester.Response response = accept.get();
                expire.get();
                List<String> errors = new ArrayList<>();
                response.errors().satisfy(list -> list.forEach(e -> errors.add(String.valueOf(e.getExtensions().get("code")))));
                long accepted = count("select count(*) from order_event where order_id = " + orderId + " and to_status = 'ACCEPTED'");
                long expired = count("select count(*) from order_event where order_id = " + orderId + " and reason = '接单超时'");
                if (errors.isEmpty()) {
                    assertThat(status(orderId)).isEqualTo("ACCEPTED");
                    assertThat(expired).isZero();
                    assertThat(activeOrders(partner.id())).isEqualTo(1);
                } else {
                    assertThat(errors).containsExactly("ORDER_ACCEPT_EXPIRED");
                    assertThat(accepted).isZero();
                    timers.runDue().block();
                    assertThat(count("select count(*) from order_event where order_id = " + orderId
                            + " and reason = '接单超时'")).isEqualTo(1);
                    // taken back from the late partner: re-dispatched to another one, or escalated to staff
                    assertThat(partnerOf(orderId)).isNotEqualTo(partner.id());
                    assertThat(activeOrders(partner.id())).isZero();
                }
                assertThat(accepted + expired).as("round %d", round).isLessThanOrEqualTo(1);
                System.out.println("race round " + round + ": " + (errors.isEmpty() ? "accepted" : "expired " + errors));
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
