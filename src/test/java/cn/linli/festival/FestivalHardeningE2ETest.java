package cn.linli.festival;

import java.util.Collections;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** What the outside review found accepted but wrong in festivals (issue 16, items 7 and 11). */
class FestivalHardeningE2ETest extends FestivalTestBase {

    @Test
    void aDraftsLedgerIsAsInvisibleAsTheDraft() {
        Login staff = staff();
        String draft = api(staff.client(), "CreateCampaign")
                .variable("input", campaignInput("草稿邻里节", "2031-05-01", 100_000, "KEEP_WHAT_YOU_RAISE", 5)).execute()
                .path("createCampaign.id").entity(String.class).get();

        for (Login outsider : java.util.List.of(resident(), family(), partner())) {
            expectCode(api(outsider.client(), "CampaignLedger").variable("campaignId", draft).execute(), "NOT_FOUND");
            expectCode(api(outsider.client(), "Campaign").variable("id", draft).execute(), "NOT_FOUND");
        }
        // its staff plan with it; once published, residents read it
        api(staff.client(), "CampaignLedger").variable("campaignId", draft).execute().errors().verify();
        api(staff.client(), "PublishCampaign").variable("input", Map.of("campaignId", draft)).execute().errors().verify();
        api(resident().client(), "CampaignLedger").variable("campaignId", draft).execute().errors().verify();
    }

    @Test
    void campaignTermsThatCannotHoldAreRefusedAndNothingIsCreated() {
        Login staff = staff();
        long before = count("select count(*) from campaign");

        Map<String, Object> festivalBeforeDeadline = campaignInput("倒序邻里节", "2026-12-01", 100_000, "ALL_OR_NOTHING", 30);
        expectError(create(staff, festivalBeforeDeadline), "VALIDATION_FAILED", "input.festivalDate");

        Map<String, Object> farDeadline = campaignInput("万年邻里节", "2031-05-01", 100_000, "ALL_OR_NOTHING", 30);
        farDeadline.put("deadline", "9999-12-31T00:00:00Z");
        expectError(create(staff, farDeadline), "VALIDATION_FAILED", "input.deadline");

        expectError(create(staff, campaignInput("空目标邻里节", "2031-05-01", 0, "ALL_OR_NOTHING", 30)),
                "VALIDATION_FAILED", "input.moneyGoalFen");

        Map<String, Object> tooManyNeeds = campaignInput("千物邻里节", "2031-05-01", 100_000, "ALL_OR_NOTHING", 30);
        tooManyNeeds.put("itemNeeds", Collections.nCopies(51, Map.of("name", "椅子", "unit", "把", "quantity", 1)));
        expectError(create(staff, tooManyNeeds), "VALIDATION_FAILED", "input.itemNeeds");

        assertThat(count("select count(*) from campaign")).isEqualTo(before);
    }

    @Test
    void aPersonGivesAsAResidentOrAsThePartnerTheyServeButNotAsTheGovernment() {
        String campaign = createAndPublish(staff(), campaignInput("身份邻里节", "2031-05-01", 100_000, "KEEP_WHAT_YOU_RAISE", 5));
        Login resident = resident();
        long before = count("select count(*) from pledge where campaign_id = " + campaign);
        for (String posing : java.util.List.of("GOVERNMENT", "COMMUNITY", "MERCHANT", "ORGANISATION")) {
            expectError(pledge(resident, campaign, posing), "VALIDATION_FAILED", "input.contributorKind");
        }
        // 李姐 serves a merchant partner: she may give in its name, but not as an organisation
        Login merchant = merchant();
        pledge(merchant, campaign, "MERCHANT").errors().verify();
        expectError(pledge(merchant, campaign, "ORGANISATION"), "VALIDATION_FAILED", "input.contributorKind");
        pledge(resident, campaign, "RESIDENT").errors().verify();
        assertThat(count("select count(*) from pledge where campaign_id = " + campaign)).isEqualTo(before + 2);
    }

    private GraphQlTester.Response create(Login staff, Map<String, Object> input) {
        return api(staff.client(), "CreateCampaign").variable("input", input).execute();
    }

    private GraphQlTester.Response pledge(Login who, String campaign, String kind) {
        return api(who.client(), "PledgeMoney").variable("input", Map.of("campaignId", campaign, "amountFen", 1_000,
                "contributorKind", kind, "anonymous", false, "idempotencyKey", "kind-" + UUID.randomUUID())).execute();
    }
}
