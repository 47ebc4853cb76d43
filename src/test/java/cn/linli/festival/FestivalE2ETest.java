package cn.linli.festival;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.linli.support.TestPhotos;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Festival campaigns: items, volunteers, offline money, expenses with four eyes, the deadline, the public ledger. */
class FestivalE2ETest extends FestivalTestBase {

    private String openCampaign(Login staff, long goalFen, String rule, int chairs, int guides) {
        GraphQlTester.Response created = api(staff.client(), "CreateCampaign")
                .variable("input", campaignInput(goalFen, rule, chairs, guides)).execute();
        created.errors().verify();
        String id = created.path("createCampaign.id").entity(String.class).get();
        created.path("createCampaign.status").entity(String.class).isEqualTo("DRAFT");
        expectCode(api(resident().client(), "Campaign").variable("id", id).execute(), "NOT_FOUND");
        api(staff.client(), "PublishCampaign").variable("input", Map.of("campaignId", id)).execute()
                .path("publishCampaign.status").entity(String.class).isEqualTo("OPEN");
        return id;
    }

    private Map<String, Object> campaignInput(long goalFen, String rule, int chairs, int guides) {
        Map<String, Object> input = campaignInput("十二月邻里节·冬至饺子宴", "2030-12-21", goalFen, rule, 10);
        input.put("branchVenues", List.of("锦江苑活动室"));
        input.put("itemNeeds", List.of(Map.of("name", "折叠椅", "unit", "把", "quantity", chairs)));
        input.put("volunteerRoles", List.of(Map.of("name", "签到引导", "count", guides, "pointsReward", 20)));
        return input;
    }

    @Test
    void aCoverIsTheStaffMembersOwnUploadAndResidentsSeeItThroughASignedLink() {
        Login staff = staff();
        Login resident = resident();
        long campaigns = count("select count(*) from campaign");
        String residents = receipt(resident);
        Map<String, Object> withTheirPhoto = campaignInput(100_000, "KEEP_WHAT_YOU_RAISE", 5, 1);
        withTheirPhoto.put("coverPhotoId", residents);
        expectError(api(staff.client(), "CreateCampaign").variable("input", withTheirPhoto).execute(), "NOT_FOUND",
                "input.coverPhotoId");
        assertThat(count("select count(*) from campaign")).as("nothing created").isEqualTo(campaigns);
        assertThat(attachedAt(residents)).isEmpty();

        byte[] cover = TestPhotos.image("jpg");
        Map<String, Object> input = campaignInput(100_000, "KEEP_WHAT_YOU_RAISE", 5, 1);
        input.put("coverPhotoId", receipt(staff, cover));
        String id = api(staff.client(), "CreateCampaign").variable("input", input).execute()
                .path("createCampaign.id").entity(String.class).get();
        api(staff.client(), "PublishCampaign").variable("input", Map.of("campaignId", id)).execute().errors().verify();
        String url = api(resident.client(), "Campaign").variable("id", id).execute()
                .path("campaign.coverImageUrl").entity(String.class).get();
        assertThat(TestPhotos.showsSamePicture(fetch(url), cover)).isTrue();
    }

    private Map<String, Object> itemPledge(String campaign, String need, int quantity, boolean anonymous) {
        return new HashMap<>(Map.of("campaignId", campaign, "needId", need, "quantity", quantity,
                "contributorKind", "RESIDENT", "anonymous", anonymous, "message", "一起过节",
                "idempotencyKey", "items-" + UUID.randomUUID()));
    }

    /** A receipt photo {@code who} uploads with POST /photos; its id. */
    private String receipt(Login who, byte[] bytes) {
        return TestPhotos.uploadedId(http(), who.accessToken(), bytes);
    }

    private String receipt(Login who) {
        return receipt(who, TestPhotos.png());
    }

    private Map<String, Object> expense(String campaign, String category, long amountFen, String receiptPhotoId) {
        return Map.of("campaignId", campaign, "category", category, "amountFen", amountFen,
                "receiptPhotoId", receiptPhotoId);
    }

    @Test
    void residentsPledgeItemsAndTimeAndProgressShowsIt() {
        Login staff = staff();
        String campaign = openCampaign(staff, 500_000, "KEEP_WHAT_YOU_RAISE", 50, 5);
        Login resident = resident();
        String need = api(resident.client(), "Campaign").variable("id", campaign).execute()
                .path("campaign.progress.items[0].id").entity(String.class).get();

        Map<String, Object> chairs = itemPledge(campaign, need, 2, false);
        GraphQlTester.Response pledged = api(resident.client(), "PledgeItems").variable("input", chairs).execute();
        pledged.errors().verify();
        String pledgeId = pledged.path("pledgeItems.id").entity(String.class).get();
        // the same request again is the same pledge; the same key for another request is refused
        api(resident.client(), "PledgeItems").variable("input", chairs).execute()
                .path("pledgeItems.id").entity(String.class).isEqualTo(pledgeId);
        Map<String, Object> changed = new HashMap<>(chairs);
        changed.put("quantity", 3);
        expectCode(api(resident.client(), "PledgeItems").variable("input", changed).execute(), "IDEMPOTENCY_KEY_REUSED");
        api(family().client(), "PledgeItems").variable("input", itemPledge(campaign, need, 1, true)).execute()
                .errors().verify();

        GraphQlTester.Response progress = api(resident.client(), "Campaign").variable("id", campaign).execute();
        progress.path("campaign.progress.items[0].quantityPledged").entity(Integer.class).isEqualTo(3);
        progress.path("campaign.progress.supporters").entity(Integer.class).isEqualTo(2);
        progress.path("campaign.progress.supportersWall[0].name").valueIsNull();
        progress.path("campaign.progress.supportersWall[1].name").entity(String.class).isEqualTo("演示居民张阿姨");
        progress.path("campaign.progress.supportersWall[1].what").entity(String.class).isEqualTo("折叠椅 2 把");

        api(staff.client(), "MarkItemsReceived").variable("input", Map.of("pledgeId", pledgeId)).execute()
                .path("markItemsReceived.status").entity(String.class).isEqualTo("RECEIVED");
        api(resident.client(), "Campaign").variable("id", campaign).execute()
                .path("campaign.progress.items[0].quantityReceived").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void itemPledgesRacingForTheLastUnitsNeverExceedTheNeed() throws Exception {
        Login staff = staff();
        String campaign = openCampaign(staff, 100_000, "KEEP_WHAT_YOU_RAISE", 5, 5);
        Login resident = resident();
        String need = api(resident.client(), "Campaign").variable("id", campaign).execute()
                .path("campaign.progress.items[0].id").entity(String.class).get();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<String> outcomes = new ArrayList<>();
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Callable<String> call = () -> {
                    start.await();
                    List<String> codes = new ArrayList<>();
                    api(resident.client(), "PledgeItems").variable("input", itemPledge(campaign, need, 1, false)).execute()
                            .errors().satisfy(es -> es.forEach(e -> codes.add(String.valueOf(e.getExtensions().get("code")))));
                    return codes.isEmpty() ? "OK" : String.join(",", codes);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            for (Future<String> future : futures) {
                outcomes.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).filteredOn("OK"::equals).hasSize(5);
        assertThat(outcomes).filteredOn("PLEDGE_EXCEEDS_NEED"::equals).hasSize(5);
        assertThat(count("select quantity_pledged from campaign_item_need where id = " + need)).isEqualTo(5);
        assertThat(count("select count(*) from pledge where kind = 'ITEM' and need_id = " + need)).isEqualTo(5);
    }

    @Test
    void volunteersAreCappedAndAttendanceEarnsTheRolesPointsOnce() {
        Login staff = staff();
        String campaign = openCampaign(staff, 100_000, "KEEP_WHAT_YOU_RAISE", 5, 1);
        Login resident = resident();
        String role = api(resident.client(), "Campaign").variable("id", campaign).execute()
                .path("campaign.progress.volunteers[0].id").entity(String.class).get();
        GraphQlTester.Response signedUp = api(resident.client(), "SignUpVolunteer")
                .variable("input", Map.of("campaignId", campaign, "roleId", role)).execute();
        signedUp.errors().verify();
        String pledge = signedUp.path("signUpVolunteer.id").entity(String.class).get();
        expectCode(api(resident.client(), "SignUpVolunteer").variable("input", Map.of("campaignId", campaign, "roleId", role))
                .execute(), "ALREADY_SIGNED_UP");
        expectCode(api(family().client(), "SignUpVolunteer").variable("input", Map.of("campaignId", campaign,
                "roleId", role)).execute(), "ACTIVITY_FULL");

        long before = count("select coalesce((select balance from timebank_account where kind = 'PERSON'"
                + " and owner_account_id = " + resident().accountId() + "), 0)");
        expectCode(api(resident.client(), "RecordFestivalAttendance").variable("input", Map.of("pledgeId", pledge,
                "minutes", 180)).execute(), "FORBIDDEN");
        api(staff.client(), "RecordFestivalAttendance").variable("input", Map.of("pledgeId", pledge, "minutes", 180))
                .execute().path("recordFestivalAttendance.status").entity(String.class).isEqualTo("ATTENDED");
        expectCode(api(staff.client(), "RecordFestivalAttendance").variable("input", Map.of("pledgeId", pledge,
                "minutes", 180)).execute(), "ATTENDANCE_ALREADY_RECORDED");
        long after = count("select balance from timebank_account where kind = 'PERSON' and owner_account_id = "
                + resident().accountId());
        assertThat(after - before).isEqualTo(20);
    }

    @Test
    void largeExpensesNeedASecondStaffMemberAndTheLedgerBalances() {
        Login staff = staff();
        Login colleague = login("demo-staff-2");
        String campaign = openCampaign(staff, 200_000, "KEEP_WHAT_YOU_RAISE", 10, 2);
        String grant = receipt(staff);
        api(staff.client(), "RecordOfflineContribution").variable("input", Map.of("campaignId", campaign,
                "contributorKind", "GOVERNMENT", "contributorName", "玉林街道办事处", "amountFen", 150_000,
                "receiptPhotoId", grant)).execute().errors().verify();
        assertThat(count("select receipt_photo_id from pledge where kind = 'OFFLINE' and campaign_id = " + campaign))
                .isEqualTo(Long.parseLong(grant));
        assertThat(count("select count(*) from photo where attached_at is not null and id = " + grant)).isEqualTo(1);

        byte[] groceries = TestPhotos.png();
        byte[] stage = TestPhotos.image("jpg");
        GraphQlTester.Response small = api(staff.client(), "RecordExpense")
                .variable("input", expense(campaign, "食材", 30_000, receipt(staff, groceries))).execute();
        small.path("recordExpense.status").entity(String.class).isEqualTo("APPROVED");
        assertThat(TestPhotos.showsSamePicture(fetch(small.path("recordExpense.receiptUrl").entity(String.class).get()), groceries))
                .as("the receipt link shows the uploaded photo").isTrue();
        GraphQlTester.Response large = api(staff.client(), "RecordExpense")
                .variable("input", expense(campaign, "舞台搭建", 80_000, receipt(staff, stage))).execute();
        large.path("recordExpense.status").entity(String.class).isEqualTo("PENDING");
        String expense = large.path("recordExpense.id").entity(String.class).get();

        expectCode(api(staff.client(), "ApproveExpense").variable("input", Map.of("expenseId", expense)).execute(),
                "FOUR_EYES_REQUIRED");
        expectCode(api(resident().client(), "ApproveExpense").variable("input", Map.of("expenseId", expense))
                .execute(), "FORBIDDEN");
        GraphQlTester.Response before = api(resident().client(), "CampaignLedger")
                .variable("campaignId", campaign).execute();
        before.path("campaignLedger.balanceFen").entity(Integer.class).isEqualTo(120_000);
        before.path("campaignLedger.pendingExpensesFen").entity(Integer.class).isEqualTo(80_000);

        api(colleague.client(), "ApproveExpense").variable("input", Map.of("expenseId", expense)).execute()
                .path("approveExpense.status").entity(String.class).isEqualTo("APPROVED");
        expectCode(api(colleague.client(), "ApproveExpense").variable("input", Map.of("expenseId", expense)).execute(),
                "EXPENSE_ALREADY_APPROVED");

        GraphQlTester.Response ledger = api(resident().client(), "CampaignLedger")
                .variable("campaignId", campaign).execute();
        ledger.path("campaignLedger.incomeFen").entity(Integer.class).isEqualTo(150_000);
        ledger.path("campaignLedger.expensesFen").entity(Integer.class).isEqualTo(110_000);
        ledger.path("campaignLedger.balanceFen").entity(Integer.class).isEqualTo(40_000);
        ledger.path("campaignLedger.income[0].source").entity(String.class).isEqualTo("线下：玉林街道办事处");
        // residents reading the public ledger see the receipts themselves, through signed links
        assertThat(TestPhotos.showsSamePicture(fetch(ledger.path("campaignLedger.expenses[0].receiptUrl").entity(String.class).get()), groceries))
                .isTrue();
        assertThat(TestPhotos.showsSamePicture(fetch(ledger.path("campaignLedger.expenses[1].receiptUrl").entity(String.class).get()), stage))
                .isTrue();
        expectCode(api(login("demo-staff-fangcao").client(), "CampaignLedger").variable("campaignId", campaign).execute(),
                "FORBIDDEN");
        assertThat(count("select count(*) from campaign_expense where approved_by = recorded_by")).isZero();
    }

    @Test
    void aReceiptMustBeAPhotoTheRecordingStaffMemberUploaded() {
        Login staff = staff();
        Login resident = resident();
        String campaign = openCampaign(staff, 100_000, "KEEP_WHAT_YOU_RAISE", 5, 1);
        String residents = receipt(resident);

        expectError(api(staff.client(), "RecordExpense").variable("input", expense(campaign, "食材", 10_000, residents))
                .execute(), "NOT_FOUND", "input.receiptPhotoId");
        expectError(api(staff.client(), "RecordOfflineContribution").variable("input", Map.of("campaignId", campaign,
                "contributorKind", "MERCHANT", "contributorName", "李姐家电修理铺", "amountFen", 20_000,
                "receiptPhotoId", residents)).execute(), "NOT_FOUND", "input.receiptPhotoId");
        expectError(api(staff.client(), "RecordExpense").variable("input", expense(campaign, "食材", 10_000, "999999999"))
                .execute(), "NOT_FOUND", "input.receiptPhotoId");
        expectError(api(staff.client(), "RecordExpense").variable("input", expense(campaign, "食材", 10_000, "not-a-photo"))
                .execute(), "VALIDATION_FAILED", "input.receiptPhotoId");

        assertThat(count("select count(*) from campaign_expense where campaign_id = " + campaign)).isZero();
        assertThat(count("select count(*) from pledge where kind = 'OFFLINE' and campaign_id = " + campaign)).isZero();
        assertThat(attachedAt(residents)).as("the resident's photo stays unattached").isEmpty();

        String staffs = receipt(staff);
        api(staff.client(), "RecordExpense").variable("input", expense(campaign, "食材", 10_000, staffs)).execute()
                .errors().verify();
        assertThat(attachedAt(staffs)).isPresent();
        assertThat(count("select receipt_photo_id from campaign_expense where campaign_id = " + campaign))
                .isEqualTo(Long.parseLong(staffs));
    }

    @Test
    void anExpenseFailingAfterItsReceiptWasTakenLeavesThePhotoUnattached() {
        Login staff = staff();
        String campaign = openCampaign(staff, 100_000, "KEEP_WHAT_YOU_RAISE", 5, 1);
        String photo = receipt(staff);
        // the insert fails for this campaign only, after the photo was attached in the same transaction
        String refuse = "test_refuse_expense_" + campaign;
        db.sql("create function " + refuse + "() returns trigger language plpgsql as"
                + " 'begin raise exception ''refused by the test''; end'").then().block();
        db.sql("create trigger " + refuse + " before insert on campaign_expense for each row when (new.campaign_id = "
                + campaign + ") execute function " + refuse + "()").then().block();
        try {
            expectCode(api(staff.client(), "RecordExpense").variable("input", expense(campaign, "食材", 10_000, photo))
                    .execute(), "INTERNAL");
        } finally {
            db.sql("drop trigger " + refuse + " on campaign_expense").then().block();
            db.sql("drop function " + refuse + "()").then().block();
        }
        assertThat(count("select count(*) from campaign_expense where campaign_id = " + campaign)).isZero();
        assertThat(attachedAt(photo)).as("rolled back with the expense").isEmpty();
    }

    private Optional<OffsetDateTime> attachedAt(String photoId) {
        return db.sql("select attached_at from photo where id = " + photoId)
                .map(row -> Optional.ofNullable(row.get("attached_at", OffsetDateTime.class)))
                .one().block();
    }

    @Test
    void atTheDeadlineAFailedAllOrNothingCampaignReleasesItsItemPledges() {
        Login staff = staff();
        String failing = openCampaign(staff, 100_000, "ALL_OR_NOTHING", 10, 2);
        String funded = openCampaign(staff, 100_000, "ALL_OR_NOTHING", 10, 2);
        Login resident = resident();
        String need = api(resident.client(), "Campaign").variable("id", failing).execute()
                .path("campaign.progress.items[0].id").entity(String.class).get();
        api(resident.client(), "PledgeItems").variable("input", itemPledge(failing, need, 4, false)).execute().errors().verify();
        api(staff.client(), "RecordOfflineContribution").variable("input", Map.of("campaignId", failing,
                "contributorKind", "COMMUNITY", "contributorName", "社区公益金", "amountFen", 50_000,
                "receiptPhotoId", receipt(staff))).execute().errors().verify();
        api(staff.client(), "RecordOfflineContribution").variable("input", Map.of("campaignId", funded,
                "contributorKind", "MERCHANT", "contributorName", "李姐家电修理铺", "amountFen", 100_000,
                "receiptPhotoId", receipt(staff))).execute().errors().verify();

        passDeadline(failing);
        passDeadline(funded);
        timers.runDue().block();
        timers.runDue().block();

        api(resident.client(), "Campaign").variable("id", funded).execute()
                .path("campaign.status").entity(String.class).isEqualTo("FUNDED");
        GraphQlTester.Response failed = api(resident.client(), "Campaign").variable("id", failing).execute();
        failed.path("campaign.status").entity(String.class).isEqualTo("FAILED");
        failed.path("campaign.progress.items[0].quantityPledged").entity(Integer.class).isEqualTo(0);
        assertThat(count("select count(*) from pledge where status = 'RELEASED' and campaign_id = " + failing)).isEqualTo(1);
        expectCode(api(resident.client(), "PledgeItems").variable("input", itemPledge(failing, need, 1, false)).execute(),
                "CAMPAIGN_NOT_OPEN");
        api(staff.client(), "CloseCampaign").variable("input", Map.of("campaignId", failing)).execute()
                .path("closeCampaign.status").entity(String.class).isEqualTo("CLOSED");
    }
}
