package cn.linli.timebank;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time bank's "done" journey with the demo logins: demo-partner completes a repair, demo-resident confirms it, the
 * partner member's statement shows the points, they redeem a reward, and the merchant (demo-merchant) verifies it.
 */
class TimeBankDemoJourneyE2ETest extends TimeBankTestBase {

    @Test
    void serviceEarnsPointsThatBuyAVoucherTheMerchantVerifies() {
        Login resident = resident();
        Login staff = staff();
        Login partner = partner();
        Login merchant = merchant();
        long wang = idOf("select id from partner where name = '王师傅水电维修'");
        long before = balanceOf(partner.accountId());

        GraphQlTester.Response placed = api(resident.client(), "PlaceOrder").variable("input", Map.of(
                "householdId", String.valueOf(idOf("select m.household_id from household_member m join account a"
                        + " on a.id = m.account_id where a.openid = 'o-sandbox-demo-resident'")),
                "categoryCode", "HOME_REPAIR", "description", "热水器不出热水", "urgency", "NORMAL",
                "contactPhone", "13800000001", "idempotencyKey", "demo-journey-" + UUID.randomUUID())).execute();
        String orderId = placed.path("placeOrder.id").entity(String.class).get();
        api(staff.client(), "DispatchOrder").variable("input", Map.of("orderId", orderId, "partnerId", String.valueOf(wang)))
                .execute().errors().verify();
        for (String step : new String[] {"AcceptOrder", "StartOrder"}) {
            api(partner.client(), step).variable("input", Map.of("orderId", orderId)).execute().errors().verify();
        }
        api(partner.client(), "CompleteOrder").variable("input", Map.of("orderId", orderId, "minutesSpent", 180))
                .execute().errors().verify();
        api(resident.client(), "ConfirmOrder").variable("input", Map.of("orderId", orderId, "quality", 5,
                "punctuality", 5, "attitude", 5, "comment", "修好了，谢谢王师傅")).execute().errors().verify();

        GraphQlTester.Response statement = api(partner.client(), "MyTimeBank").execute();
        statement.path("myTimeBank.statement.edges[0].node.points").entity(Integer.class).isEqualTo(30);
        statement.path("myTimeBank.statement.edges[0].node.description").entity(String.class)
                .isEqualTo("为 锦江苑 1栋1单元101 提供家电水电维修服务 180 分钟");
        assertThat(balanceOf(partner.accountId())).isEqualTo(before + 30);
        expectBalanced(staff);

        String reward = api(partner.client(), "Rewards").variable("communityId", jincheng()).variable("kind", "DISCOUNT")
                .execute().path("rewards.edges[0].node.id").entity(String.class).get();
        GraphQlTester.Response redeemed = api(partner.client(), "RedeemReward").variable("input", Map.of(
                "rewardId", reward, "quantity", 1, "idempotencyKey", "demo-redeem-" + UUID.randomUUID())).execute();
        redeemed.errors().verify();
        redeemed.path("redeemReward.vouchers[0].reward.supplier.name").entity(String.class).isEqualTo("李姐家电修理铺");
        String code = redeemed.path("redeemReward.vouchers[0].code").entity(String.class).get();

        api(merchant.client(), "VerifyVoucher").variable("input", Map.of("code", code)).execute()
                .path("verifyVoucher.status").entity(String.class).isEqualTo("USED");
        assertThat(balanceOf(partner.accountId())).isEqualTo(before);
        expectBalanced(staff);
    }
}
