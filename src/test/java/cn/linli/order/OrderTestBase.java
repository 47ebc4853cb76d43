package cn.linli.order;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.linli.devservices.WeChatSandbox;
import cn.linli.platform.timer.Timers;
import cn.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order tests get partners of their own: a fresh category (with the dispatch mode under test) served by fresh partners
 * under contract with 锦城社区, so tests never compete for the demo partners' capacity.
 */
public abstract class OrderTestBase extends IntegrationTest {

    @Autowired
    protected Timers timers;

    /** A partner made for one test, and the login code of its admin. */
    record TestPartner(long id, String memberCode) {
    }

    protected long jincheng() {
        return idOf("select id from community where name = '锦城社区'");
    }

    protected long residentHousehold() {
        return idOf("select m.household_id from household_member m join account a on a.id = m.account_id"
                + " where a.openid = 'o-sandbox-demo-resident'");
    }

    protected String newCategory(String dispatchMode) {
        String code = "T_" + randomLetters(8) + "_" + dispatchMode;
        db.sql("insert into service_category (code, name, dispatch_mode, sort_order) values (:code, '测试服务', :mode, 999)")
                .bind("code", code).bind("mode", dispatchMode).then().block();
        return code;
    }

    /** Category codes are letters and underscores only. */
    protected static String randomLetters(int length) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder letters = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            letters.append((char) ('A' + random.nextInt(26)));
        }
        return letters.toString();
    }

    protected TestPartner newPartner(String categoryCode, int capacity) {
        String memberCode = "partner-" + UUID.randomUUID().toString().substring(0, 12);
        Long id = db.sql("""
                        with p as (
                            insert into partner (name, kind, capacity) values (:name, 'CRAFTSMAN', :capacity) returning id
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
                .bind("name", "测试合伙人" + memberCode.substring(8))
                .bind("capacity", capacity)
                .bind("category", categoryCode)
                .bind("openid", WeChatSandbox.openidFor(memberCode))
                .map(row -> row.get("id", Long.class))
                .one()
                .block();
        return new TestPartner(id, memberCode);
    }

    protected Map<String, Object> orderInput(String categoryCode) {
        Map<String, Object> input = new HashMap<>();
        input.put("householdId", String.valueOf(residentHousehold()));
        input.put("categoryCode", categoryCode);
        input.put("description", "厨房水管漏水，需要上门维修");
        input.put("urgency", "NORMAL");
        input.put("contactPhone", "13800000001");
        input.put("idempotencyKey", "order-" + UUID.randomUUID());
        return input;
    }

    protected GraphQlTester.Response place(Login resident, Map<String, Object> input) {
        return api(resident.client(), "PlaceOrder").variable("input", input).execute();
    }

    protected long placeOrder(Login resident, String categoryCode) {
        GraphQlTester.Response response = place(resident, orderInput(categoryCode));
        response.errors().verify();
        return Long.parseLong(response.path("placeOrder.id").entity(String.class).get());
    }

    protected GraphQlTester.Response mutate(Login who, String operation, Map<String, Object> input) {
        return api(who.client(), operation).variable("input", input).execute();
    }

    protected String status(long orderId) {
        return db.sql("select status from service_order where id = :id").bind("id", orderId)
                .map(row -> row.get("status", String.class)).one().block();
    }

    /** The partner the order is with, or 0 when none (submitted, or offered to grab). */
    protected long partnerOf(long orderId) {
        return count("select coalesce(partner_id, 0) from service_order where id = " + orderId);
    }

    protected int activeOrders(long partnerId) {
        return (int) count("select active_orders from partner where id = " + partnerId);
    }

    /** Moves the order's accept deadline (and its timers) into the past, then fires due timers. */
    protected void expireDeadline(long orderId) {
        makeAcceptDeadlinesDue(List.of(orderId));
        timers.runDue().block();
    }

    /**
     * Fires whatever earlier tests left due (notification sends, mostly), so a test that then makes its own timers due
     * and polls knows exactly which ones the pollers meet: each poll fires at most a batch.
     */
    protected void drainDueTimers() {
        for (int round = 0; round < 20 && timers.runDue().block() > 0; round++) {
            // a handler may schedule follow-ups due at once; twenty rounds is far more than any chain here
        }
    }

    /** Moves these orders' accept deadlines and their timers into the past, without firing them. */
    protected void makeAcceptDeadlinesDue(List<Long> orderIds) {
        Long[] ids = orderIds.toArray(Long[]::new);
        db.sql("update service_order set accept_deadline = now() - interval '1 second' where id = any(:ids)")
                .bind("ids", ids).then().block();
        dueNow(Dispatcher.ACCEPT_DEADLINE, orderIds.stream().mapToLong(Long::longValue).toArray());
    }

    /** Makes the order's completion old enough to confirm itself, and its auto-confirm timer due (not fired). */
    protected void makeAutoConfirmDue(long orderId) {
        db.sql("update service_order set completed_at = now() - interval '4 days' where id = :id").bind("id", orderId)
                .then().block();
        dueNow(OrderTransitions.AUTO_CONFIRM, orderId);
    }

    protected static void assertTimeline(GraphQlTester.Response response, String path, String... transitions) {
        List<Map<String, Object>> events = response.path(path + ".timeline").entityList(
                new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
        assertThat(events.stream().map(e -> e.get("from") + "->" + e.get("to")).toList()).containsExactly(transitions);
    }

    protected static Instant now() {
        return Instant.now();
    }
}
