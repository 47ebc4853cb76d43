package cn.linli.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Fills 锦城社区's dispatch board the way its people would, through the API: {@code orders} orders from the demo
 * resident, a third of them served to the end by 王师傅水电维修 (dispatched, accepted, started, completed, confirmed
 * with a rating: a serving member and a six-step timeline), a third auto-dispatched 助老服务 (some escalate when the
 * partners are full), a third waiting in the queue. Ids are looked up in the database; every change goes through
 * GraphQL, so the rows are what production would hold.
 */
final class BoardFill {

    private final Client client;
    private final String resident;
    private final String staff;
    private final String partner;
    private final long household;
    private final long partnerId;
    private final long offeringId;

    private BoardFill(Client client, ConfigurableApplicationContext app) {
        this.client = client;
        this.resident = client.login("demo-resident");
        this.staff = client.login("demo-staff");
        this.partner = client.login("demo-partner");
        DatabaseClient db = app.getBean(DatabaseClient.class);
        this.household = id(db, "select m.household_id from household_member m join account a on a.id = m.account_id"
                + " where a.openid = 'o-sandbox-demo-resident' order by m.joined_at limit 1");
        this.partnerId = id(db, "select id from partner where name = '王师傅水电维修'");
        this.offeringId = id(db, "select id from offering where partner_id = " + partnerId + " order by id limit 1");
    }

    /** Places {@code orders} orders; returns the staff member's token (the board's viewer). */
    static String fill(Client client, ConfigurableApplicationContext app, int orders) {
        BoardFill fill = new BoardFill(client, app);
        for (int i = 0; i < orders; i++) {
            switch (i % 3) {
                case 0 -> fill.servedAndRated(i);
                case 1 -> fill.place(i, Map.of("categoryCode", "ELDERLY_CARE"));
                default -> fill.place(i, Map.of("categoryCode", "HOME_REPAIR"));
            }
        }
        return fill.staff;
    }

    private void servedAndRated(int i) {
        String order = place(i, Map.of("offeringId", String.valueOf(offeringId)));
        change(staff, "DispatchOrder", Map.of("orderId", order, "partnerId", String.valueOf(partnerId)));
        change(partner, "AcceptOrder", Map.of("orderId", order));
        change(partner, "StartOrder", Map.of("orderId", order));
        change(partner, "CompleteOrder", Map.of("orderId", order, "minutesSpent", 30 + i, "notes", "已修好，第 " + i + " 次"));
        change(resident, "ConfirmOrder", Map.of("orderId", order, "quality", 5, "punctuality", 3 + i % 3,
                "attitude", 4 + i % 2, "comment", "师傅很专业"));
    }

    private String place(int i, Map<String, Object> what) {
        Map<String, Object> input = new HashMap<>(what);
        input.put("householdId", String.valueOf(household));
        input.put("description", "基准测试订单 " + i + "：厨房水管漏水，请尽快上门");
        input.put("urgency", i % 5 == 0 ? "URGENT" : "NORMAL");
        input.put("contactPhone", "1390000" + String.format("%04d", i));
        input.put("idempotencyKey", "bench-" + UUID.randomUUID());
        Map<?, ?> placed = change(resident, "PlaceOrder", input);
        return (String) ((Map<?, ?>) placed.get("placeOrder")).get("id");
    }

    private Map<?, ?> change(String token, String operation, Map<String, Object> input) {
        Map<?, ?> body = client.run(token, operation, Map.of("input", input));
        if (body.containsKey("errors")) {
            throw new IllegalStateException(operation + " failed: " + body.get("errors"));
        }
        return (Map<?, ?>) body.get("data");
    }

    private static long id(DatabaseClient db, String sql) {
        Long id = db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
        if (id == null) {
            throw new IllegalStateException("demo data missing: " + sql);
        }
        return id;
    }
}
