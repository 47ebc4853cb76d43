package cn.linli.festival;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff console lists a campaign's item and volunteer pledges, with who made them, to confirm on the day. */
class PledgesToConfirmE2ETest extends FestivalTestBase {

    private String campaignWithNeeds(Login staff) {
        Map<String, Object> input = campaignInput("物资与志愿者确认测试", "2030-12-21", 100_000, "KEEP_WHAT_YOU_RAISE", 10);
        input.put("itemNeeds", List.of(Map.of("name", "折叠椅", "unit", "把", "quantity", 10)));
        input.put("volunteerRoles", List.of(Map.of("name", "签到引导", "count", 3, "pointsReward", 20)));
        return createAndPublish(staff, input);
    }

    private GraphQlTester.Response page(Login viewer, String campaign, int first, String after) {
        GraphQlTester.Request<?> request = api(viewer.client(), "CampaignPledgesToConfirm")
                .variable("campaignId", campaign).variable("first", first);
        return (after == null ? request : request.variable("after", after)).execute();
    }

    @Test
    void staffSeeItemAndTimePledgesOldestFirstWithNamesEvenAnonymousAndConfirmThem() {
        Login staff = staff();
        String campaign = campaignWithNeeds(staff);
        GraphQlTester.Response read = api(resident().client(), "Campaign").variable("id", campaign).execute();
        String need = read.path("campaign.progress.items[0].id").entity(String.class).get();
        String role = read.path("campaign.progress.volunteers[0].id").entity(String.class).get();
        String chairs = api(resident().client(), "PledgeItems").variable("input", Map.of("campaignId", campaign,
                        "needId", need, "quantity", 2, "contributorKind", "RESIDENT", "anonymous", true,
                        "idempotencyKey", "items-" + UUID.randomUUID())).execute()
                .path("pledgeItems.id").entity(String.class).get();
        String guide = api(family().client(), "SignUpVolunteer").variable("input", Map.of("campaignId", campaign,
                "roleId", role)).execute().path("signUpVolunteer.id").entity(String.class).get();
        pledgeMoney(resident(), campaign, 5_000); // money is not confirmed by staff: not listed

        GraphQlTester.Response first = page(staff, campaign, 1, null);
        first.errors().verify();
        first.path("campaignPledgesToConfirm.edges[0].node.pledge.id").entity(String.class).isEqualTo(chairs);
        first.path("campaignPledgesToConfirm.edges[0].node.pledge.kind").entity(String.class).isEqualTo("ITEM");
        first.path("campaignPledgesToConfirm.edges[0].node.supporterName").entity(String.class).isEqualTo("演示居民张阿姨");
        first.path("campaignPledgesToConfirm.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("campaignPledgesToConfirm.pageInfo.endCursor").entity(String.class).get();
        GraphQlTester.Response second = page(staff, campaign, 1, cursor);
        second.path("campaignPledgesToConfirm.edges[0].node.pledge.id").entity(String.class).isEqualTo(guide);
        second.path("campaignPledgesToConfirm.edges[0].node.supporterName").entity(String.class).isEqualTo("演示家属小张");
        second.path("campaignPledgesToConfirm.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

        api(staff.client(), "MarkItemsReceived").variable("input", Map.of("pledgeId", chairs)).execute().errors().verify();
        api(staff.client(), "RecordFestivalAttendance").variable("input", Map.of("pledgeId", guide, "minutes", 90))
                .execute().errors().verify();
        List<String> statuses = page(staff, campaign, 10, null)
                .path("campaignPledgesToConfirm.edges[*].node.pledge.status").entityList(String.class).get();
        assertThat(statuses).containsExactly("RECEIVED", "ATTENDED");
    }

    @Test
    void onlyTheCommunitysStaffSeeTheList() {
        String campaign = campaignWithNeeds(staff());
        for (Login other : List.of(login("demo-staff-fangcao"), resident(), partner())) {
            expectCode(page(other, campaign, 10, null), "FORBIDDEN");
        }
        expectCode(page(staff(), "999999999", 10, null), "NOT_FOUND");
    }
}
