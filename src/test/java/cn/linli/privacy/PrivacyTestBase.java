package cn.linli.privacy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.linli.platform.timer.Timers;
import cn.linli.support.IntegrationTest;
import cn.linli.support.TestPhotos;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Privacy tests follow real people: a first login that has NOT accepted the policy yet (unlike
 * {@link IntegrationTest#login}), who then verifies a household of their own, orders, earns and pledges.
 */
abstract class PrivacyTestBase extends IntegrationTest {

    @Autowired
    protected Timers timers;

    @Autowired
    protected DataAccessLog accessLog;

    private Login staffLogin;
    private Login partnerLogin;

    /** 锦城社区's staff, logged in once per test (every login is a WeChat round trip). */
    protected Login staffOnce() {
        if (staffLogin == null) {
            staffLogin = staff();
        }
        return staffLogin;
    }

    protected Login partnerOnce() {
        if (partnerLogin == null) {
            partnerLogin = partner();
        }
        return partnerLogin;
    }

    /** A brand-new WeChat user, logged in, who has accepted nothing yet; the code is unique per call. */
    protected Login firstLogin(String prefix) {
        return loginWithoutConsent(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    protected Login loginWithoutConsent(String code) {
        GraphQlTester.Response response = api(anonymous(), "LoginWithWeChat").variable("input", Map.of("code", code)).execute();
        response.errors().verify();
        String access = response.path("loginWithWeChat.accessToken").entity(String.class).get();
        String refresh = response.path("loginWithWeChat.refreshToken").entity(String.class).get();
        long id = Long.parseLong(response.path("loginWithWeChat.account.id").entity(String.class).get());
        return new Login(withToken(access), access, refresh, id);
    }

    protected int currentVersion() {
        return api(anonymous(), "PrivacyPolicy").execute().path("privacyPolicy.version").entity(Integer.class).get();
    }

    protected GraphQlTester.Response accept(Login who, int version) {
        return api(who.client(), "AcceptPrivacyPolicy").variable("input", Map.of("version", version)).execute();
    }

    /** A person who accepted the policy and bound this phone number. */
    protected Login person(String prefix, String phone) {
        return personWithCode(prefix + "-" + UUID.randomUUID().toString().substring(0, 8), phone);
    }

    protected Login personWithCode(String code, String phone) {
        Login who = loginWithoutConsent(code);
        accept(who, currentVersion()).errors().verify();
        api(who.client(), "BindPhoneNumber").variable("input", Map.of("code", "phone-" + phone)).execute().errors().verify();
        return who;
    }

    protected long jincheng() {
        return idOf("select id from community where name = '锦城社区'");
    }

    /** A fresh, empty household in 锦城社区 (fixture). */
    protected long newHousehold() {
        return db.sql("""
                        insert into household (unit_id, community_id, room)
                        select id, community_id, :room from unit
                         where community_id = (select id from community where name = '锦城社区') order by id limit 1
                        returning id
                        """)
                .bind("room", "P" + UUID.randomUUID().toString().substring(0, 6))
                .map(row -> row.get("id", Long.class)).one().block();
    }

    /** The person asks to join as {@code relation} with a proof photo, and 锦城社区's staff approve; the request id. */
    protected String verified(Login who, long household, String relation, String realName) {
        String proof = TestPhotos.uploadedId(http(), who.accessToken(), TestPhotos.png());
        GraphQlTester.Response applied = api(who.client(), "RequestHouseholdVerification").variable("input", Map.of(
                "householdId", String.valueOf(household), "relation", relation, "realName", realName,
                "proofPhotoId", proof)).execute();
        applied.errors().verify();
        String requestId = applied.path("requestHouseholdVerification.id").entity(String.class).get();
        api(staffOnce().client(), "ApproveVerificationRequest").variable("input", Map.of("requestId", requestId)).execute()
                .errors().verify();
        return requestId;
    }

    /** An order from 王师傅's 上门维修水管 offering for the household; its id. */
    protected String placeOrder(Login who, long household, String phone) {
        Map<String, Object> input = new HashMap<>();
        input.put("householdId", String.valueOf(household));
        input.put("offeringId", String.valueOf(idOf("select id from offering where title = '上门维修水管'")));
        input.put("description", "卫生间水龙头漏水");
        input.put("urgency", "NORMAL");
        input.put("contactPhone", phone);
        input.put("photoIds", List.of(TestPhotos.uploadedId(http(), who.accessToken(), TestPhotos.png())));
        input.put("idempotencyKey", "privacy-" + UUID.randomUUID());
        GraphQlTester.Response placed = api(who.client(), "PlaceOrder").variable("input", input).execute();
        placed.errors().verify();
        return placed.path("placeOrder.id").entity(String.class).get();
    }

    /** Staff dispatch it to 王师傅, who accepts (seeing the phone in full), serves and completes; the resident rates it. */
    protected void serveAndRate(Login who, String orderId) {
        long wang = idOf("select id from partner where name = '王师傅水电维修'");
        Login partner = partnerOnce();
        mutate(staffOnce(), "DispatchOrder", Map.of("orderId", orderId, "partnerId", String.valueOf(wang))).errors().verify();
        long xiaoWang = idOf("select id from account where openid = 'o-sandbox-demo-partner-2'");
        mutate(partner, "AcceptOrder", Map.of("orderId", orderId, "servingMemberId", String.valueOf(xiaoWang))).errors().verify();
        mutate(partner, "StartOrder", Map.of("orderId", orderId)).errors().verify();
        mutate(partner, "CompleteOrder", Map.of("orderId", orderId, "minutesSpent", 30, "notes", "换了水龙头")).errors().verify();
        mutate(who, "ConfirmOrder", Map.of("orderId", orderId, "quality", 5, "punctuality", 5, "attitude", 4,
                "comment", "很及时")).errors().verify();
    }

    /** 锦城社区's staff open a campaign that needs 10 folding chairs; its id. */
    protected String openCampaign(Login staff) {
        Map<String, Object> input = new HashMap<>();
        input.put("communityId", String.valueOf(jincheng()));
        input.put("theme", "冬至邻里节");
        input.put("festivalDate", "2030-12-21");
        input.put("mainVenue", "锦城社区广场");
        input.put("deadline", java.time.Instant.now().plus(java.time.Duration.ofDays(10)).toString());
        input.put("moneyGoalFen", 100_000);
        input.put("fundingRule", "KEEP_WHAT_YOU_RAISE");
        input.put("itemNeeds", List.of(Map.of("name", "折叠椅", "unit", "把", "quantity", 10)));
        String id = mutate(staff, "CreateCampaign", input).path("createCampaign.id").entity(String.class).get();
        mutate(staff, "PublishCampaign", Map.of("campaignId", id)).errors().verify();
        return id;
    }

    /** The person pledges two chairs for the campaign; the pledge id. */
    protected String pledgeChairs(Login who, String campaign) {
        String need = api(who.client(), "Campaign").variable("id", campaign).execute()
                .path("campaign.progress.items[0].id").entity(String.class).get();
        GraphQlTester.Response pledged = mutate(who, "PledgeItems", Map.of("campaignId", campaign, "needId", need,
                "quantity", 2, "contributorKind", "RESIDENT", "anonymous", false, "message", "一起过节",
                "idempotencyKey", "items-" + UUID.randomUUID()));
        pledged.errors().verify();
        return pledged.path("pledgeItems.id").entity(String.class).get();
    }

    protected GraphQlTester.Response mutate(Login who, String operation, Map<String, Object> input) {
        return api(who.client(), operation).variable("input", input).execute();
    }

    protected GraphQlTester.Response grant(Login staff, long accountId, int points) {
        return mutate(staff, "GrantPoints", Map.of("communityId", String.valueOf(jincheng()),
                "accountId", String.valueOf(accountId), "points", points, "reason", "志愿值守",
                "idempotencyKey", "grant-" + UUID.randomUUID()));
    }

    protected GraphQlTester.Response donate(Login who, int points) {
        return mutate(who, "DonatePoints", Map.of("communityId", String.valueOf(jincheng()), "points", points,
                "idempotencyKey", "donate-" + UUID.randomUUID()));
    }

    protected void expectBalanced(Login staff) {
        GraphQlTester.Response books = api(staff.client(), "TimeBankReconciliation").variable("communityId", jincheng())
                .execute();
        books.errors().verify();
        books.path("timeBankReconciliation.balanced").entity(Boolean.class).isEqualTo(true);
    }

    protected String text(String sql) {
        return db.sql(sql).map(row -> row.get(0, String.class)).one().blockOptional().orElse(null);
    }
}
