package cn.linli.need;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import cn.linli.platform.timer.Timers;
import cn.linli.support.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static cn.linli.support.Concurrently.runAtOnce;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared steps of the need tests, all through the api/ documents. Ids of demo places are looked up with SQL (setup
 * only; flows go through the API). Tests use households no other suite reads (锦江苑 1栋2单元, 芳草小区 2栋), and brand-new
 * WeChat users verified through 房屋认证 where they need a resident of their own.
 */
abstract class NeedTestBase extends IntegrationTest {

    protected static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    @Autowired
    protected Timers timers;

    protected long jincheng() {
        return idOf("select id from community where name = '锦城社区'");
    }

    protected long fangcao() {
        return idOf("select id from community where name = '芳草社区'");
    }

    /** The demo resident's (and family's) household: 锦江苑 1栋1单元101. */
    protected long residentHousehold() {
        return idOf("select m.household_id from household_member m join account a on a.id = m.account_id"
                + " where a.openid = 'o-sandbox-demo-resident'");
    }

    /** A demo household by estate, building, unit and room, e.g. ("锦江苑", "1栋", "2单元", "102"). */
    protected long household(String estate, String building, String unit, String room) {
        return idOf("select h.id from household h join unit u on u.id = h.unit_id join building b on b.id = u.building_id"
                + " join estate e on e.id = b.estate_id where e.name = '" + estate + "' and b.name = '" + building
                + "' and u.name = '" + unit + "' and h.room = '" + room + "'");
    }

    protected long estate(String name) {
        return idOf("select id from estate where name = '" + name + "'");
    }

    protected Login fangcaoStaff() {
        return login("demo-staff-fangcao");
    }

    /** A brand-new WeChat user made a verified member of the household (applies; the community's staff approve). */
    protected Login verifiedMemberOf(long householdId, Login approver) {
        Login newcomer = login("need-" + UUID.randomUUID());
        GraphQlTester.Response applied = api(newcomer.client(), "RequestHouseholdVerification")
                .variable("input", Map.of("householdId", String.valueOf(householdId), "relation", "TENANT",
                        "realName", "测试租户"))
                .execute();
        applied.errors().verify();
        String requestId = applied.path("requestHouseholdVerification.id").entity(String.class).get();
        api(approver.client(), "ApproveVerificationRequest").variable("input", Map.of("requestId", requestId))
                .execute().errors().verify();
        return newcomer;
    }

    protected Map<String, Object> needInput(long householdId, String description) {
        Map<String, Object> input = new HashMap<>();
        input.put("householdId", String.valueOf(householdId));
        input.put("description", description);
        input.put("idempotencyKey", "need-" + UUID.randomUUID());
        return input;
    }

    protected GraphQlTester.Response submit(Login who, Map<String, Object> input) {
        return api(who.client(), "SubmitNeed").variable("input", input).execute();
    }

    /** Submits and returns the new need's id, failing unless it was accepted. */
    protected String submitted(Login who, long householdId, String description) {
        GraphQlTester.Response response = submit(who, needInput(householdId, description));
        response.errors().verify();
        return response.path("submitNeed.id").entity(String.class).get();
    }

    protected String collected(Login staff, long householdId, String description) {
        GraphQlTester.Response response = mutate(staff, "RecordCollectedNeed", needInput(householdId, description));
        response.errors().verify();
        return response.path("recordCollectedNeed.id").entity(String.class).get();
    }

    protected GraphQlTester.Response triage(Login staff, String needId, String kind, String level) {
        return mutate(staff, "TriageNeed", Map.of("needId", needId, "kind", kind, "level", level));
    }

    protected GraphQlTester.Response mutate(Login who, String operation, Map<String, Object> input) {
        return api(who.client(), operation).variable("input", input).execute();
    }

    protected GraphQlTester.Response need(Login who, String needId) {
        return api(who.client(), "Need").variable("id", needId).execute();
    }

    protected String status(String needId) {
        return db.sql("select status from need where id = :id").bind("id", Long.parseLong(needId))
                .map(row -> row.get("status", String.class)).one().block();
    }

    protected List<String> timeline(Login who, String needId) {
        GraphQlTester.Response response = need(who, needId);
        response.errors().verify();
        return response.path("need.timeline[*].action").entityList(String.class).get();
    }

    protected long events(String needId, String action) {
        return count("select count(*) from need_event where need_id = " + needId + " and action = '" + action + "'");
    }

    protected long notices(long accountId, String kind) {
        return count("select count(*) from notification where account_id = " + accountId + " and kind = '" + kind + "'");
    }

    protected long audits(String needId, String action) {
        return count("select count(*) from audit_event where subject = 'NEED' and subject_id = " + needId
                + " and action = '" + action + "'");
    }

    /** Waits (without sleeping blindly: polling the condition) for something an after-commit listener does. */
    protected static void eventually(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    protected static Map<String, Object> input(Object... pairs) {
        Map<String, Object> input = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            input.put((String) pairs[i], pairs[i + 1]);
        }
        return input;
    }

    protected static @Nullable Object value(GraphQlTester.Response response, String path) {
        return response.path(path).entity(Object.class).get();
    }
}
