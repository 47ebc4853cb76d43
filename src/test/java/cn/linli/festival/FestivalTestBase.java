package cn.linli.festival;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import cn.linli.platform.timer.Timers;
import cn.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Shared fixtures of the festival end-to-end tests: a campaign of 锦城社区 created and published by staff, a money
 * pledge, the merchant numbers WeChat Pay sees, and making the deadline (or any festival timer) due now.
 */
abstract class FestivalTestBase extends IntegrationTest {

    @Autowired
    protected Timers timers;

    protected long jincheng() {
        return idOf("select id from community where name = '锦城社区'");
    }

    /** The required fields of a 锦城社区 campaign whose deadline is {@code deadlineDays} ahead; tests add the rest. */
    protected Map<String, Object> campaignInput(String theme, String festivalDate, long goalFen, String rule,
                                                int deadlineDays) {
        Map<String, Object> input = new HashMap<>();
        input.put("communityId", String.valueOf(jincheng()));
        input.put("theme", theme);
        input.put("festivalDate", festivalDate);
        input.put("mainVenue", "锦城社区广场");
        input.put("deadline", Instant.now().plus(deadlineDays, ChronoUnit.DAYS).toString());
        input.put("moneyGoalFen", goalFen);
        input.put("fundingRule", rule);
        return input;
    }

    /** Staff create the campaign and publish it; its id. */
    protected String createAndPublish(Login staff, Map<String, Object> input) {
        String id = api(staff.client(), "CreateCampaign").variable("input", input).execute()
                .path("createCampaign.id").entity(String.class).get();
        api(staff.client(), "PublishCampaign").variable("input", Map.of("campaignId", id)).execute().errors().verify();
        return id;
    }

    /** A pending money pledge of the resident (not anonymous, as a resident); its id. */
    protected String pledgeMoney(Login resident, String campaign, long amountFen) {
        return api(resident.client(), "PledgeMoney").variable("input", Map.of("campaignId", campaign,
                        "amountFen", amountFen, "contributorKind", "RESIDENT", "anonymous", false,
                        "idempotencyKey", "money-" + UUID.randomUUID())).execute()
                .path("pledgeMoney.pledge.id").entity(String.class).get();
    }

    protected static String outTradeNo(String pledgeId) {
        return "LLP" + String.format("%013d", Long.parseLong(pledgeId));
    }

    protected static String outRefundNo(String pledgeId) {
        return "LLR" + String.format("%013d", Long.parseLong(pledgeId));
    }

    /** The campaign's deadline has passed and its deadline timer is due (the next {@code runDue} settles it). */
    protected void passDeadline(String campaign) {
        db.sql("update campaign set deadline = now() - interval '1 second' where id = " + campaign).then().block();
        makeDue(FestivalTimers.CAMPAIGN_DEADLINE, campaign);
    }

    /** The festival timers of this kind for these subjects are due. */
    protected void makeDue(String kind, String... subjects) {
        dueNow(kind, java.util.Arrays.stream(subjects).mapToLong(Long::parseLong).toArray());
    }

    protected static void expectCode(GraphQlTester.Response response, String code) {
        response.errors().expect(e -> code.equals(e.getExtensions().get("code"))).verify();
    }

    protected static void expectError(GraphQlTester.Response response, String code, String field) {
        response.errors().expect(e -> code.equals(e.getExtensions().get("code"))
                && field.equals(e.getExtensions().get("field"))).verify();
    }
}
