package cn.linli.timebank;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Bean Validation is wired into the time-bank mappings: fields and messages as the hand checks reported them. */
class TimeBankValidationE2ETest extends TimeBankTestBase {

    private static void expectInvalid(GraphQlTester.Response response, String field, String message) {
        response.errors().expect(e -> "VALIDATION_FAILED".equals(e.getExtensions().get("code"))
                && field.equals(e.getExtensions().get("field")) && message.equals(e.getMessage())).verify();
    }

    @Test
    void invalidArgumentsAndInputsNameTheirFieldInChinese() {
        Login staff = staff();
        Family family = newFamily();
        expectInvalid(api(staff.client(), "VolunteerLeaderboard").variable("communityId", jincheng())
                .variable("first", 51).execute(), "first", "名次数量须在 1 到 50 之间");
        expectInvalid(api(staff.client(), "GrantPoints").variable("input", Map.of("communityId", String.valueOf(jincheng()),
                        "accountId", String.valueOf(family.headId()), "points", 5, "reason", "  ",
                        "idempotencyKey", "grant-" + UUID.randomUUID())).execute(),
                "input.reason", "请填写发放原因");
        expectInvalid(api(login(family.headCode()).client(), "RedeemReward").variable("input", Map.of("rewardId", "1",
                        "quantity", 11, "idempotencyKey", "redeem-" + UUID.randomUUID())).execute(),
                "input.quantity", "兑换数量须在 1 到 10 之间");
        expectInvalid(api(login(family.headCode()).client(), "VerifyVoucher").variable("input", Map.of("code", "ABC"))
                .execute(), "input.code", "券码格式不正确");
    }
}
