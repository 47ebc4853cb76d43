package cn.linli.festival;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The festival "done" journey: demo-resident pledges 50 yuan and 2 chairs to the demo festival and pays in the sandbox. */
class FestivalDemoJourneyE2ETest extends FestivalTestBase {

    @Test
    void demoResidentPledgesMoneyAndChairsAndSeesProgressAndLedgerMove() {
        Login resident = resident();
        String community = String.valueOf(jincheng());
        GraphQlTester.Response list = api(resident.client(), "Campaigns").variable("communityId", community)
                .variable("first", 100).execute();
        String campaign = idOf("select id from campaign where theme = '冬至邻里节·百家饺子宴'") + "";
        list.path("campaigns.edges[*].node.id").entityList(String.class).contains(campaign);
        GraphQlTester.Response before = api(resident.client(), "Campaign").variable("id", campaign).execute();
        int raisedBefore = before.path("campaign.progress.moneyRaisedFen").entity(Integer.class).get();
        int chairsBefore = before.path("campaign.progress.items[0].quantityPledged").entity(Integer.class).get();
        int incomeBefore = api(resident.client(), "CampaignLedger").variable("campaignId", campaign).execute()
                .path("campaignLedger.incomeFen").entity(Integer.class).get();

        String pledge = api(resident.client(), "PledgeMoney").variable("input", Map.of("campaignId", campaign,
                        "amountFen", 5_000, "contributorKind", "RESIDENT", "anonymous", false, "message", "冬至快乐",
                        "idempotencyKey", "demo-money-" + UUID.randomUUID())).execute()
                .path("pledgeMoney.pledge.id").entity(String.class).get();
        String chairs = before.path("campaign.progress.items[0].id").entity(String.class).get();
        api(resident.client(), "PledgeItems").variable("input", Map.of("campaignId", campaign, "needId", chairs,
                "quantity", 2, "contributorKind", "RESIDENT", "anonymous", false,
                "idempotencyKey", "demo-chairs-" + UUID.randomUUID())).execute().errors().verify();
        assertThat(weChat().pay().complete(outTradeNo(pledge), true)).isEqualTo(204);

        GraphQlTester.Response after = api(resident.client(), "Campaign").variable("id", campaign).execute();
        after.path("campaign.progress.moneyRaisedFen").entity(Integer.class).isEqualTo(raisedBefore + 5_000);
        after.path("campaign.progress.items[0].quantityPledged").entity(Integer.class).isEqualTo(chairsBefore + 2);
        int incomeAfter = api(resident.client(), "CampaignLedger").variable("campaignId", campaign).execute()
                .path("campaignLedger.incomeFen").entity(Integer.class).get();
        assertThat(incomeAfter).as("payment plus the sponsor's 1:1 match").isEqualTo(incomeBefore + 10_000);
    }
}
