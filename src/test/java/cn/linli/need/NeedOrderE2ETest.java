package cn.linli.need;

import java.util.Map;
import java.util.UUID;

import cn.linli.devservices.WeChatSandbox;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** A 实事 becomes a service order in one step, linked both ways; the confirmed order resolves the need. */
class NeedOrderE2ETest extends NeedTestBase {

    @Test
    void aPracticalNeedBecomesAnOrderAndTheConfirmedOrderResolvesIt() {
        String category = "T_NEED_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase()
                .replaceAll("[0-9]", "X");
        db.sql("insert into service_category (code, name, dispatch_mode, sort_order) values (:code, '测试服务', 'ASSIGN', 999)")
                .bind("code", category).then().block();
        String partnerCode = "partner-" + UUID.randomUUID().toString().substring(0, 12);
        long partnerId = newPartner(category, partnerCode);
        Login resident = resident();
        Login staff = staff();
        Login partner = login(partnerCode);

        String id = submitted(resident, residentHousehold(), "卫生间水龙头漏水");
        // only a triaged 实事 becomes an order
        expectCode(mutate(staff, "OrderFromNeed", input("needId", id, "categoryCode", category,
                "contactPhone", "13800000001")), "VALIDATION_FAILED");
        triage(staff, id, "PRACTICAL", "NORMAL").errors().verify();
        expectCode(mutate(partner, "OrderFromNeed", input("needId", id, "categoryCode", category,
                "contactPhone", "13800000001")), "FORBIDDEN");

        GraphQlTester.Response ordered = mutate(staff, "OrderFromNeed", input("needId", id, "categoryCode", category,
                "contactPhone", "13800000001"));
        ordered.errors().verify();
        ordered.path("orderFromNeed.status").entity(String.class).isEqualTo("ORDERED");
        String orderId = ordered.path("orderFromNeed.orderId").entity(String.class).get();
        assertThat(count("select need_id from service_order where id = " + orderId)).isEqualTo(Long.parseLong(id));
        assertThat(count("select resident_id from service_order where id = " + orderId)).isEqualTo(resident.accountId());
        // the order shows its need to the resident
        GraphQlTester.Response order = api(resident.client(), "OrderNeed").variable("id", orderId).execute();
        order.errors().verify();
        order.path("order.need.id").entity(String.class).isEqualTo(id);
        // a second attempt is refused: the need is with the order now
        expectCode(mutate(staff, "OrderFromNeed", input("needId", id, "categoryCode", category,
                "contactPhone", "13800000001")), "NEED_INVALID_TRANSITION");

        // the order's own life: dispatch, accept, start, complete, confirm
        mutate(staff, "DispatchOrder", Map.of("orderId", orderId, "partnerId", String.valueOf(partnerId))).errors().verify();
        mutate(partner, "AcceptOrder", Map.of("orderId", orderId)).errors().verify();
        mutate(partner, "StartOrder", Map.of("orderId", orderId)).errors().verify();
        mutate(partner, "CompleteOrder", Map.of("orderId", orderId, "minutesSpent", 30)).errors().verify();
        assertThat(status(id)).isEqualTo("ORDERED");
        mutate(resident, "ConfirmOrder", Map.of("orderId", orderId, "quality", 5, "punctuality", 5, "attitude", 5))
                .errors().verify();

        // after the order's commit, the need is resolved, once
        eventually(() -> "RESOLVED".equals(status(id)), "the need to be resolved");
        assertThat(events(id, "ORDER_CONFIRMED")).isEqualTo(1);
        assertThat(timeline(resident, id)).containsExactly("SUBMIT", "TRIAGE", "ORDER", "ORDER_CONFIRMED");
        assertThat(audits(id, "ORDERED")).isEqualTo(1);
    }

    @Test
    void aCancelledOrderGivesTheNeedBackToTheCommunity() {
        Login resident = resident();
        Login staff = staff();
        String id = submitted(resident, residentHousehold(), "家里门锁坏了");
        triage(staff, id, "PRACTICAL", "URGENT").errors().verify();
        String category = "T_NEEDC_" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
        db.sql("insert into service_category (code, name, dispatch_mode, sort_order) values (:code, '测试服务', 'ASSIGN', 999)")
                .bind("code", category).then().block();
        String orderId = mutate(staff, "OrderFromNeed", input("needId", id, "categoryCode", category,
                "contactPhone", "13800000001")).path("orderFromNeed.orderId").entity(String.class).get();
        mutate(staff, "CancelOrder", Map.of("orderId", orderId, "reason", "居民已自行修好")).errors().verify();
        eventually(() -> "TRIAGED".equals(status(id)), "the need to be back with the community");
        assertThat(events(id, "ORDER_CANCELLED")).isEqualTo(1);
    }

    private long newPartner(String categoryCode, String memberCode) {
        return db.sql("""
                        with p as (
                            insert into partner (name, kind, capacity) values (:name, 'CRAFTSMAN', 3) returning id
                        ), c as (
                            insert into partner_category (partner_id, category_id)
                            select p.id, s.id from p, service_category s where s.code = :category
                        ), k as (
                            insert into partner_contract (partner_id, community_id, valid_from, valid_to)
                            select p.id, (select id from community where name = '锦城社区'), date '2026-01-01', date '2030-12-31'
                              from p
                        ), a as (
                            insert into account (openid, nickname) values (:openid, :name) returning id
                        ), r as (
                            insert into account_role (account_id, role) select a.id, 'PARTNER' from a
                        ), m as (
                            insert into partner_member (partner_id, account_id, role) select p.id, a.id, 'ADMIN' from p, a
                        )
                        select id from p
                        """)
                .bind("name", "需求测试合伙人" + memberCode.substring(8))
                .bind("category", categoryCode)
                .bind("openid", WeChatSandbox.openidFor(memberCode))
                .map(row -> row.get("id", Long.class))
                .one()
                .block();
    }
}
