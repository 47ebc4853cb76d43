package cn.linli.timebank;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.linli.devservices.WeChatSandbox;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** A points-priced service: held on acceptance, paid on confirmation, returned on cancellation. */
class PointsPricedOrderE2ETest extends TimeBankTestBase {

    record Offer(String offeringId, Login member, long memberId) {
    }

    private Offer pointsOffering(int price) {
        String category = "P_" + letters(10);
        String memberCode = "pts-" + UUID.randomUUID().toString().substring(0, 10);
        db.sql("insert into service_category (code, name, dispatch_mode) values (:c, '积分服务', 'AUTO')")
                .bind("c", category).then().block();
        long offering = db.sql("""
                        with p as (insert into partner (name, kind, capacity) values ('积分服务队', 'CRAFTSMAN', 5) returning id),
                             c as (insert into partner_category select p.id, s.id from p, service_category s where s.code = :category),
                             k as (insert into partner_contract (partner_id, community_id, valid_from, valid_to)
                                   select p.id, (select id from community where name = '锦城社区'), date '2026-01-01', date '2030-12-31' from p),
                             a as (insert into account (openid, nickname) values (:openid, '积分服务者') returning id),
                             m as (insert into partner_member (partner_id, account_id, role) select p.id, a.id, 'ADMIN' from p, a)
                        insert into offering (partner_id, category_id, title, price_kind, price_points, estimated_minutes)
                        select p.id, s.id, '上门陪护', 'POINTS', :price, 60 from p, service_category s where s.code = :category
                        returning id
                        """)
                .bind("category", category).bind("openid", WeChatSandbox.openidFor(memberCode)).bind("price", price)
                .map(row -> row.get("id", Long.class)).one().block();
        Login member = login(memberCode);
        return new Offer(String.valueOf(offering), member, member.accountId());
    }

    private String place(Login resident, Family family, Offer offer) {
        GraphQlTester.Response placed = api(resident.client(), "PlaceOrder").variable("input", Map.of(
                "householdId", String.valueOf(family.householdId()), "offeringId", offer.offeringId(),
                "description", "老人需要陪护", "urgency", "NORMAL", "contactPhone", "13900000000",
                "idempotencyKey", "pts-" + UUID.randomUUID())).execute();
        placed.errors().verify();
        return placed.path("placeOrder.id").entity(String.class).get();
    }

    private GraphQlTester.Response step(Login who, String operation, Map<String, Object> input) {
        return api(who.client(), operation).variable("input", input).execute();
    }

    @Test
    void heldOnAcceptancePaidOnConfirmation() {
        Login staff = staff();
        Family family = newFamily();
        grant(staff, family.headId(), 100).errors().verify();
        Login resident = login(family.headCode());
        Offer offer = pointsOffering(40);

        String orderId = place(resident, family, offer);
        step(offer.member(), "AcceptOrder", Map.of("orderId", orderId)).errors().verify();
        GraphQlTester.Response bank = api(resident.client(), "MyTimeBank").execute();
        bank.path("myTimeBank.balance").entity(Integer.class).isEqualTo(60);
        bank.path("myTimeBank.pendingHolds").entity(Integer.class).isEqualTo(40);

        step(offer.member(), "StartOrder", Map.of("orderId", orderId)).errors().verify();
        step(offer.member(), "CompleteOrder", Map.of("orderId", orderId, "minutesSpent", 60)).errors().verify();
        step(resident, "ConfirmOrder", Map.of("orderId", orderId, "quality", 5, "punctuality", 5, "attitude", 5))
                .errors().verify();

        assertThat(balanceOf(offer.memberId())).isEqualTo(40);
        api(resident.client(), "MyTimeBank").execute().path("myTimeBank.pendingHolds").entity(Integer.class).isEqualTo(0);
        assertThat(balanceOf(family.headId())).isEqualTo(60);
        expectBalanced(staff);
    }

    @Test
    void cancellationReturnsTheHoldAndTooFewPointsCannotBeAccepted() {
        Login staff = staff();
        Family family = newFamily();
        grant(staff, family.headId(), 50).errors().verify();
        Login resident = login(family.headCode());
        Offer offer = pointsOffering(40);

        String first = place(resident, family, offer);
        step(offer.member(), "AcceptOrder", Map.of("orderId", first)).errors().verify();
        assertThat(balanceOf(family.headId())).isEqualTo(10);

        // a second order cannot be accepted: the resident has only 10 points left
        String second = place(resident, family, offer);
        step(offer.member(), "AcceptOrder", Map.of("orderId", second)).errors()
                .expect(e -> "INSUFFICIENT_POINTS".equals(e.getExtensions().get("code"))).verify();
        assertThat(count("select count(*) from service_order where status = 'DISPATCHED' and id = " + second)).isEqualTo(1);

        step(staff, "CancelOrder", Map.of("orderId", first, "reason", "居民临时住院")).errors().verify();
        assertThat(balanceOf(family.headId())).isEqualTo(50);
        step(offer.member(), "AcceptOrder", Map.of("orderId", second)).errors().verify();
        assertThat(balanceOf(family.headId())).isEqualTo(10);
        assertThat(count("select count(*) from points_hold where status = 'OPEN' and account_id = " + family.headId()))
                .isEqualTo(1);
        expectBalanced(staff);
    }

    /** Category codes are letters and underscores only. */
    private static String letters(int length) {
        StringBuilder letters = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            letters.append((char) ('A' + java.util.concurrent.ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
