package cn.linli.order;

import java.util.List;
import java.util.Map;

import cn.linli.support.TestPhotos;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** 居民点单 → 社区派单 → 合伙人接单, end to end over HTTP with the api/ documents, in all three dispatch modes. */
class OrderJourneyE2ETest extends OrderTestBase {

    @Test
    void assignModeFromOrderToRatingWithTheDemoLogins() {
        Login resident = resident();
        Login staff = staff();
        Login partner = partner();
        long wang = idOf("select id from partner where name = '王师傅水电维修'");
        int wangActive = activeOrders(wang);

        // the resident uploads two photos of the leak and orders a repair from 王师傅's offering
        byte[] leak = TestPhotos.png();
        byte[] closeUp = TestPhotos.image("jpg");
        Map<String, Object> input = orderInput("HOME_REPAIR");
        input.put("offeringId", String.valueOf(idOf("select id from offering where title = '上门维修水管'")));
        input.put("photoIds", List.of(TestPhotos.uploadedId(http(), resident.accessToken(), leak),
                TestPhotos.uploadedId(http(), resident.accessToken(), closeUp)));
        GraphQlTester.Response placed = place(resident, input);
        placed.errors().verify();
        List<String> photoUrls = placed.path("placeOrder.photoUrls").entityList(String.class).hasSize(2).get();
        placed.path("placeOrder.status").entity(String.class).isEqualTo("SUBMITTED");
        placed.path("placeOrder.dispatchMode").entity(String.class).isEqualTo("ASSIGN");
        placed.path("placeOrder.household.label").entity(String.class).isEqualTo("锦江苑 1栋1单元101");
        placed.path("placeOrder.offering.title").entity(String.class).isEqualTo("上门维修水管");
        String orderId = placed.path("placeOrder.id").entity(String.class).get();

        // staff see it in the queue and the ranked candidates
        api(staff.client(), "DispatchQueue").variable("communityId", jincheng()).variable("status", "SUBMITTED")
                .variable("first", 100).execute()
                .path("dispatchQueue.edges[*].node.id").entityList(String.class).contains(orderId);
        GraphQlTester.Response candidates = api(staff.client(), "DispatchCandidates").variable("orderId", orderId).execute();
        candidates.errors().verify();
        List<String> names = candidates.path("dispatchCandidates[*].partner.name").entityList(String.class).get();
        assertThat(names).contains("王师傅水电维修", "李姐家电修理铺").doesNotContain("老周木工坊"); // offline
        candidates.path("dispatchCandidates[0].rank").entity(Integer.class).isEqualTo(1);
        candidates.path("dispatchCandidates[0].reason").entity(String.class).satisfies(reason ->
                assertThat(reason).contains("近7天派单").contains("在办"));

        // staff dispatch to 王师傅; the partner sees it, with the resident's phone masked
        mutate(staff, "DispatchOrder", Map.of("orderId", orderId, "partnerId", String.valueOf(wang)))
                .path("dispatchOrder.status").entity(String.class).isEqualTo("DISPATCHED");
        assertThat(activeOrders(wang)).isEqualTo(wangActive + 1);
        GraphQlTester.Response inbox = api(partner.client(), "PartnerInbox").variable("filter", "DISPATCHED")
                .variable("first", 100).execute();
        inbox.errors().verify();
        assertThat(inbox.path("partnerInbox.edges[*].node.id").entityList(String.class).get()).contains(orderId);
        GraphQlTester.Response seenByPartner = api(partner.client(), "Order").variable("id", orderId).execute();
        seenByPartner.path("order.contactPhone").entity(String.class).isEqualTo("138****0001");
        // the partner's links show the resident's photos, in the order the resident chose
        List<String> partnerPhotoUrls = seenByPartner.path("order.photoUrls").entityList(String.class).get();
        assertThat(TestPhotos.showsSamePicture(fetch(partnerPhotoUrls.get(0)), leak)).isTrue();
        assertThat(TestPhotos.showsSamePicture(fetch(partnerPhotoUrls.get(1)), closeUp)).isTrue();
        assertThat(TestPhotos.showsSamePicture(fetch(photoUrls.get(0)), leak)).isTrue();

        // accept (naming the member who serves), start, complete
        long xiaoWang = idOf("select id from account where openid = 'o-sandbox-demo-partner-2'");
        GraphQlTester.Response accepted = mutate(partner, "AcceptOrder",
                Map.of("orderId", orderId, "servingMemberId", String.valueOf(xiaoWang)));
        accepted.errors().verify();
        accepted.path("acceptOrder.status").entity(String.class).isEqualTo("ACCEPTED");
        accepted.path("acceptOrder.servingMember.nickname").entity(String.class).isEqualTo("演示合伙人小王");
        accepted.path("acceptOrder.contactPhone").entity(String.class).isEqualTo("13800000001");
        mutate(partner, "StartOrder", Map.of("orderId", orderId)).path("startOrder.status").entity(String.class)
                .isEqualTo("IN_SERVICE");
        byte[] done = TestPhotos.image("jpg");
        GraphQlTester.Response completed = mutate(partner, "CompleteOrder", Map.of("orderId", orderId,
                "minutesSpent", 90, "notes", "更换了厨房水管接头",
                "photoIds", List.of(TestPhotos.uploadedId(http(), partner.accessToken(), done))));
        completed.path("completeOrder.status").entity(String.class).isEqualTo("COMPLETED");
        assertThat(TestPhotos.showsSamePicture(fetch(completed.path("completeOrder.completionPhotoUrls[0]").entity(String.class).get()), done))
                .isTrue();
        completed.path("completeOrder.minutesSpent").entity(Integer.class).isEqualTo(90);
        completed.path("completeOrder.contactPhone").entity(String.class).isEqualTo("138****0001");
        assertThat(activeOrders(wang)).as("completion frees the capacity").isEqualTo(wangActive);

        // the resident confirms and rates; the timeline tells the whole story
        GraphQlTester.Response confirmed = mutate(resident, "ConfirmOrder", Map.of("orderId", orderId,
                "quality", 5, "punctuality", 4, "attitude", 5, "comment", "王师傅很专业"));
        confirmed.errors().verify();
        confirmed.path("confirmOrder.status").entity(String.class).isEqualTo("CONFIRMED");
        confirmed.path("confirmOrder.rating.punctuality").entity(Integer.class).isEqualTo(4);
        assertTimeline(confirmed, "confirmOrder", "null->SUBMITTED", "SUBMITTED->DISPATCHED", "DISPATCHED->ACCEPTED",
                "ACCEPTED->IN_SERVICE", "IN_SERVICE->COMPLETED", "COMPLETED->CONFIRMED");
        confirmed.path("confirmOrder.timeline[1].actorKind").entity(String.class).isEqualTo("STAFF");
        confirmed.path("confirmOrder.timeline[1].actor.nickname").entity(String.class).isEqualTo("演示社工李书记");
        confirmed.path("confirmOrder.timeline[1].partner.name").entity(String.class).isEqualTo("王师傅水电维修");

        // the partner's public scorecard counts it
        api(resident.client(), "Partner").variable("id", wang).execute()
                .path("partner.scorecard.completedOrders").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());
        api(resident.client(), "MyOrders").variable("first", 5).execute()
                .path("myOrders.edges[0].node.id").entity(String.class).isEqualTo(orderId);
    }

    @Test
    void autoModeDispatchesToTheBestCandidateAtOnce() {
        String category = newCategory("AUTO");
        TestPartner busy = newPartner(category, 1);
        TestPartner free = newPartner(category, 5);
        // busy has a better record: it wins the first order, then is full
        Login resident = resident();
        long first = placeOrder(resident, category);
        long second = placeOrder(resident, category);

        assertThat(status(first)).isEqualTo("DISPATCHED");
        assertThat(status(second)).isEqualTo("DISPATCHED");
        assertThat(List.of(partnerOf(first), partnerOf(second))).containsExactlyInAnyOrder(busy.id(), free.id());
        GraphQlTester.Response order = api(resident.client(), "Order").variable("id", first).execute();
        order.path("order.timeline[1].actorKind").entity(String.class).isEqualTo("SYSTEM");
        order.path("order.timeline[1].reason").entity(String.class).satisfies(r -> assertThat(r).startsWith("自动派单"));
        order.path("order.acceptDeadline").entity(String.class).satisfies(d -> assertThat(d).isNotBlank());
    }

    @Test
    void grabModeOffersToAllAndTheFirstToAcceptWins() {
        String category = newCategory("GRAB");
        TestPartner quick = newPartner(category, 3);
        TestPartner slow = newPartner(category, 3);
        Login resident = resident();
        long orderId = placeOrder(resident, category);
        assertThat(status(orderId)).isEqualTo("DISPATCHED");
        assertThat(partnerOf(orderId)).isZero();

        Login quickMember = login(quick.memberCode());
        Login slowMember = login(slow.memberCode());
        for (Login member : List.of(quickMember, slowMember)) {
            api(member.client(), "PartnerInbox").variable("filter", "GRAB_OFFERS").execute()
                    .path("partnerInbox.edges[*].node.id").entityList(String.class).contains(String.valueOf(orderId));
        }

        mutate(quickMember, "AcceptOrder", Map.of("orderId", String.valueOf(orderId)))
                .path("acceptOrder.partner.id").entity(String.class).isEqualTo(String.valueOf(quick.id()));
        expectCode(mutate(slowMember, "AcceptOrder", Map.of("orderId", String.valueOf(orderId))), "ORDER_ALREADY_TAKEN");
        assertThat(activeOrders(quick.id())).isEqualTo(1);
        assertThat(activeOrders(slow.id())).isZero();
        api(slowMember.client(), "PartnerInbox").variable("filter", "GRAB_OFFERS").execute()
                .path("partnerInbox.edges[*].node.id").entityList(String.class).doesNotContain(String.valueOf(orderId));
    }
}
