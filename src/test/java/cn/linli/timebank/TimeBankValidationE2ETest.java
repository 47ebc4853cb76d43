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

    @Test
    void aRewardMustBeRedeemableFromTodayInChinaAndAtMostThreeYearsAhead() {
        Login merchant = merchant();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        long before = count("select count(*) from reward");
        for (java.time.LocalDate validTo : java.util.List.of(today.minusDays(1), today.plusYears(3).plusDays(1))) {
            response(merchant, validTo).errors().expect(e -> "VALIDATION_FAILED".equals(e.getExtensions().get("code"))
                    && "input.validTo".equals(e.getExtensions().get("field"))).verify();
        }
        org.assertj.core.api.Assertions.assertThat(count("select count(*) from reward")).isEqualTo(before);
        response(merchant, today).errors().verify();
    }

    private GraphQlTester.Response response(Login merchant, java.time.LocalDate validTo) {
        return api(merchant.client(), "CreateReward").variable("input", Map.of("communityId", String.valueOf(jincheng()),
                "kind", "GOODS", "title", "限期礼品", "pointsPrice", 10, "stock", 1, "validTo", validTo.toString())).execute();
    }
}
