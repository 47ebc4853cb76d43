package cn.linli.privacy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.linli.devservices.WeChatSandbox;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person sees and downloads everything Linli holds about them, and only that; staff and partners reading their phone
 * or verification details is recorded for them to see; the proof photo is gone once the request is decided.
 */
class PersonalDataE2ETest extends PrivacyTestBase {

    private static final String PHONE = "13700006666";
    private static final String OTHER_PHONE = "13700007777";

    @Test
    void theExportHoldsEveryKindOfRecordOfThePersonAndNothingOfAnyoneElse() throws IOException {
        Login staff = staffOnce();
        Login person = person("export", PHONE);
        long p = person.accountId();
        long household = newHousehold();
        String requestId = verified(person, household, "HEAD", "钱导出");
        // minimisation: the proof photo went with the decision
        assertThat(count("select count(*) from verification_request where id = " + requestId + " and proof_photo_id is null"))
                .isEqualTo(1);
        assertThat(count("select count(*) from photo where owner_account_id = " + p)).isZero();
        // staff open the request: name, phone and proof (recorded for the person)
        api(staff.client(), "VerificationRequest").variable("id", requestId).execute().errors().verify();
        // a deletion asked for and thought better of
        String deletion = mutate(person, "RequestAccountDeletion", Map.of("confirm", true))
                .path("requestAccountDeletion.id").entity(String.class).get();
        mutate(person, "CancelAccountDeletion", Map.of("deletionId", deletion)).errors().verify();

        // someone else in the same household, with records of their own
        Login other = person("export-other", OTHER_PHONE);
        verified(other, household, "FAMILY", "孙别人");
        String otherOrder = placeOrder(other, household, OTHER_PHONE);

        String order = placeOrder(person, household, PHONE);
        serveAndRate(person, order); // 王师傅 sees the phone in full while serving (recorded)
        grant(staff, p, 30).errors().verify();
        grant(staff, other.accountId(), 30).errors().verify();
        redeem(person, newReward());
        pledgeChairs(person, openCampaign(staff));
        mutate(person, "ApplyAsPartner", Map.of("kind", "CRAFTSMAN", "name", "钱师傅工作室", "contactName", "钱导出",
                "contactPhone", PHONE, "categoryCodes", List.of("HOME_REPAIR"),
                "communityIds", List.of(String.valueOf(jincheng())))).errors().verify();
        // reading one's own order is not a data access
        api(person.client(), "Order").variable("id", order).execute().errors().verify();
        accessLog.flush().block();

        GraphQlTester.Response export = api(person.client(), "MyPersonalData").execute();
        export.errors().verify();
        List<Map<String, Object>> sections = export.path("myPersonalData.sections")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
        Map<String, List<List<String>>> rows = new HashMap<>();
        for (Map<String, Object> section : sections) {
            rows.put((String) section.get("key"), rowsOf(section.get("rows")));
        }
        assertThat(rows.keySet()).containsExactlyInAnyOrder("account", "households", "verificationRequests", "orders",
                "ratings", "points", "pledges", "vouchers", "notifications", "partnerApplications", "photos", "consents",
                "dataAccesses", "deletions");
        rows.forEach((key, list) -> assertThat(list).as(key).isNotEmpty());

        assertThat(rows.get("account")).singleElement().satisfies(row -> {
            assertThat(row.get(0)).isEqualTo(String.valueOf(p));
            assertThat(row.get(2)).isEqualTo(PHONE);
        });
        assertThat(firstColumn(rows, "households")).containsExactly(String.valueOf(household));
        assertThat(firstColumn(rows, "verificationRequests")).containsExactlyInAnyOrderElementsOf(
                ids("select id from verification_request where applicant_id = " + p));
        assertThat(firstColumn(rows, "orders")).containsExactly(order).doesNotContain(otherOrder);
        assertThat(firstColumn(rows, "ratings")).containsExactly(order);
        assertThat(firstColumn(rows, "points")).containsExactlyInAnyOrderElementsOf(ids("""
                select e.id from timebank_entry e join timebank_account a on a.id = e.account_id
                 where a.owner_account_id = """ + p));
        assertThat(firstColumn(rows, "pledges")).containsExactlyInAnyOrderElementsOf(ids("select id from pledge where account_id = " + p));
        assertThat(firstColumn(rows, "vouchers")).containsExactlyInAnyOrderElementsOf(ids("select id from voucher where owner_id = " + p));
        assertThat(firstColumn(rows, "notifications")).containsExactlyInAnyOrderElementsOf(
                ids("select id from notification where account_id = " + p));
        assertThat(firstColumn(rows, "photos")).containsExactlyInAnyOrderElementsOf(ids("select id from photo where owner_account_id = " + p));
        assertThat(firstColumn(rows, "consents")).containsExactly("1");
        assertThat(rows.get("deletions")).singleElement().satisfies(row -> assertThat(row.get(1)).isEqualTo("CANCELLED"));
        assertThat(rows.get("dataAccesses").stream().map(row -> row.get(1)).distinct().toList())
                .containsExactlyInAnyOrder("VERIFICATION_DETAILS", "ORDER_CONTACT_PHONE");
        // nothing of the other member's (the head's own notice of their request names them: it is the head's record)
        Map<String, List<List<String>>> notNotices = new HashMap<>(rows);
        notNotices.remove("notifications");
        assertThat(rows.toString()).doesNotContain(OTHER_PHONE);
        assertThat(notNotices.toString()).doesNotContain("孙别人");

        // who looked: staff at the verification, the partner at the phone; the person never of themselves
        GraphQlTester.Response looked = api(person.client(), "MyDataAccesses").variable("first", 10).execute();
        looked.errors().verify();
        List<String> who = looked.path("myDataAccesses.edges[*].node.viewerNickname").entityList(String.class).get();
        assertThat(who).contains("演示社工李书记");
        assertThat(looked.path("myDataAccesses.edges[*].node.what").entityList(String.class).get())
                .contains("VERIFICATION_DETAILS", "ORDER_CONTACT_PHONE");
        assertThat(count("select count(*) from data_access where viewer_account_id = " + p)).isZero();

        // the downloads: JSON, and a workbook with a sheet per kind of record
        http().get().uri("/exports/my-data.json").header("Authorization", "Bearer " + person.accessToken()).exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("Content-Disposition", "attachment.*my-data.json.*")
                .expectBody().jsonPath("$.sections[0].rows[0][2]").isEqualTo(PHONE);
        byte[] xlsx = http().get().uri("/exports/my-data.xlsx").header("Authorization", "Bearer " + person.accessToken())
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> sheets = workbook.getSheets().map(Sheet::getName).toList();
            assertThat(sheets).contains("账号", "服务订单", "时间银行积分明细", "个人信息被查看记录");
            Sheet account = workbook.getSheets().filter(s -> s.getName().equals("账号")).findFirst().orElseThrow();
            assertThat(account.read().get(1).getCellText(2)).isEqualTo(PHONE);
        }
        http().get().uri("/exports/my-data.xlsx").exchange().expectStatus().isUnauthorized();
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> rowsOf(Object value) {
        List<List<String>> result = new ArrayList<>();
        for (Object row : (List<Object>) value) {
            result.add((List<String>) row);
        }
        return result;
    }

    private static List<String> firstColumn(Map<String, List<List<String>>> rows, String key) {
        return rows.get(key).stream().map(row -> row.get(0)).toList();
    }

    private List<String> ids(String sql) {
        return db.sql(sql).map(row -> String.valueOf(row.get(0, Long.class))).all().collectList().block();
    }

    /** A merchant of 锦城社区 made for this test offers a gift for 5 points; the reward id. */
    private String newReward() {
        String code = "merchant-" + UUID.randomUUID().toString().substring(0, 8);
        db.sql("""
                        with p as (insert into partner (name, kind, capacity) values ('隐私测试商家', 'MERCHANT', 5) returning id),
                             k as (insert into partner_contract (partner_id, community_id, valid_from, valid_to)
                                   select p.id, (select id from community where name = '锦城社区'), date '2026-01-01', date '2030-12-31' from p),
                             a as (insert into account (openid, nickname) values (:openid, '测试店主') returning id),
                             m as (insert into partner_member (partner_id, account_id, role) select p.id, a.id, 'ADMIN' from p, a)
                        select id from p
                        """)
                .bind("openid", WeChatSandbox.openidFor(code)).map(row -> row.get("id", Long.class)).one().block();
        GraphQlTester.Response created = mutate(login(code), "CreateReward", Map.of("communityId", String.valueOf(jincheng()),
                "kind", "GOODS", "title", "测试礼品", "pointsPrice", 5, "stock", 10,
                "validTo", java.time.LocalDate.now().plusYears(1).toString()));
        created.errors().verify();
        return created.path("createReward.id").entity(String.class).get();
    }

    private void redeem(Login who, String rewardId) {
        mutate(who, "RedeemReward", Map.of("rewardId", rewardId, "quantity", 1, "idempotencyKey", "redeem-" + UUID.randomUUID()))
                .errors().verify();
    }
}
