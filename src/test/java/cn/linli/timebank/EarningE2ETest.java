package cn.linli.timebank;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.linli.devservices.WeChatSandbox;
import cn.linli.platform.timer.Timers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Points for confirmed volunteer service: once per order, in the confirming transaction. */
class EarningE2ETest extends TimeBankTestBase {

    @Autowired
    Timers timers;

    record Served(long orderId, long memberId, Login member) {
    }

    /** An order of an earning category, completed by a fresh partner's member after {@code minutes}. */
    private Served completedOrder(Login resident, int minutes, boolean earns) {
        String category = "E_" + letters(10);
        db.sql("insert into service_category (code, name, dispatch_mode, earns_points) values (:c, '测试志愿服务', 'AUTO', :earns)")
                .bind("c", category).bind("earns", earns).then().block();
        String memberCode = "earner-" + UUID.randomUUID().toString().substring(0, 10);
        db.sql("""
                        with p as (insert into partner (name, kind, capacity) values ('测试志愿队', 'SOCIAL_ORGANISATION', 5) returning id),
                             c as (insert into partner_category select p.id, s.id from p, service_category s where s.code = :category),
                             k as (insert into partner_contract (partner_id, community_id, valid_from, valid_to)
                                   select p.id, (select id from community where name = '锦城社区'), date '2026-01-01', date '2030-12-31' from p),
                             a as (insert into account (openid, nickname) values (:openid, '志愿者') returning id),
                             m as (insert into partner_member (partner_id, account_id, role) select p.id, a.id, 'ADMIN' from p, a)
                        select 1
                        """)
                .bind("category", category).bind("openid", WeChatSandbox.openidFor(memberCode)).then().block();
        Login member = login(memberCode);
        long householdId = idOf("select m.household_id from household_member m join account a on a.id = m.account_id"
                + " where a.openid = 'o-sandbox-demo-resident'");
        GraphQlTester.Response placed = api(resident.client(), "PlaceOrder").variable("input", Map.of(
                "householdId", String.valueOf(householdId), "categoryCode", category, "description", "陪老人散步聊天",
                "urgency", "NORMAL", "contactPhone", "13800000001", "idempotencyKey", "earn-" + UUID.randomUUID())).execute();
        placed.errors().verify();
        String orderId = placed.path("placeOrder.id").entity(String.class).get();
        for (String operation : List.of("AcceptOrder", "StartOrder")) {
            api(member.client(), operation).variable("input", Map.of("orderId", orderId)).execute().errors().verify();
        }
        api(member.client(), "CompleteOrder").variable("input", Map.of("orderId", orderId, "minutesSpent", minutes))
                .execute().errors().verify();
        return new Served(Long.parseLong(orderId), member.accountId(), member);
    }

    private GraphQlTester.Response confirm(Login resident, long orderId) {
        return api(resident.client(), "ConfirmOrder").variable("input", Map.of("orderId", String.valueOf(orderId),
                "quality", 5, "punctuality", 5, "attitude", 5)).execute();
    }

    @Test
    void confirmingVolunteerServicePaysTheServingMemberOnce() {
        Login resident = resident();
        Served served = completedOrder(resident, 90, true);
        assertThat(balanceOf(served.memberId())).isZero();

        confirm(resident, served.orderId()).errors().verify();
        assertThat(balanceOf(served.memberId())).as("90 minutes at 10 points an hour").isEqualTo(15);
        GraphQlTester.Response statement = api(served.member().client(), "MyTimeBank").execute();
        statement.path("myTimeBank.statement.edges[0].node.kind").entity(String.class).isEqualTo("EARN_ORDER");
        statement.path("myTimeBank.statement.edges[0].node.description").entity(String.class)
                .isEqualTo("为 锦江苑 1栋1单元101 提供测试志愿服务服务 90 分钟");

        // retried confirmation: refused, and pays nothing more
        confirm(resident, served.orderId()).errors()
                .expect(e -> "ORDER_INVALID_TRANSITION".equals(e.getExtensions().get("code"))).verify();
        assertThat(balanceOf(served.memberId())).isEqualTo(15);

        // the volunteer shows on the leaderboard (and the cache was refreshed by the earning)
        api(resident.client(), "VolunteerLeaderboard").variable("communityId", jincheng()).variable("first", 50).execute()
                .path("volunteerLeaderboard[*].accountId").entityList(String.class).contains(String.valueOf(served.memberId()));
        expectBalanced(staff());
    }

    @Test
    void paidServiceEarnsNothing() {
        Login resident = resident();
        Served served = completedOrder(resident, 60, false);
        confirm(resident, served.orderId()).errors().verify();
        assertThat(balanceOf(served.memberId())).isZero();
    }

    @Test
    void confirmationRacingAutoConfirmEarnsExactlyOnce() throws Exception {
        Login resident = resident();
        for (int round = 0; round < 5; round++) {
            Served served = completedOrder(resident, 60, true);
            db.sql("update service_order set completed_at = now() - interval '4 days' where id = :id")
                    .bind("id", served.orderId()).then().block();
            dueNow("ORDER_AUTO_CONFIRM", served.orderId());
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                Future<?> byResident = pool.submit(() -> confirm(resident, served.orderId()));
                Future<?> byTimer = pool.submit(() -> timers.runDue().block());
                Future<?> again = pool.submit(() -> confirm(resident, served.orderId()));
                byResident.get();
                byTimer.get();
                again.get();
            } finally {
                pool.shutdownNow();
            }
            timers.runDue().block();
            assertThat(count("select count(*) from service_order where status = 'CONFIRMED' and id = " + served.orderId()))
                    .isEqualTo(1);
            assertThat(balanceOf(served.memberId())).as("round %d", round).isEqualTo(10);
            assertThat(count("select count(*) from timebank_transaction where idempotency_key = 'order-earn:"
                    + served.orderId() + "'")).isEqualTo(1);
        }
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
