package cn.linli.timebank;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input records' constraints, without Spring: the same fields and Chinese messages the hand-written checks gave,
 * and text normalised before it is checked.
 */
class TimeBankInputsTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    /** Field → message of every violation. */
    private static Map<String, String> violations(Object input) {
        Map<String, String> found = new TreeMap<>();
        for (ConstraintViolation<Object> violation : validator.validate(input)) {
            found.merge(violation.getPropertyPath().toString(), violation.getMessage(), (a, b) -> a);
        }
        return found;
    }

    @Test
    void pointsAreOneToOneHundredThousand() {
        for (int points : new int[] {0, -5, 100_001}) {
            assertThat(violations(new TimeBankInputs.TransferPointsInput("2", points, null, "key-12345678")))
                    .containsExactly(Map.entry("points", "积分须在 1 到 100000 之间"));
            assertThat(violations(new TimeBankInputs.DonatePointsInput("1", points, "key-12345678")))
                    .containsOnlyKeys("points");
        }
        assertThat(violations(new TimeBankInputs.TransferPointsInput("2", 100_000, null, "key-12345678"))).isEmpty();
    }

    @Test
    void aGrantNeedsAReasonOfAtMostTwoHundredPlainCharacters() {
        assertThat(violations(new TimeBankInputs.GrantPointsInput("1", "2", 10, "   ", "key-12345678")))
                .containsExactly(Map.entry("reason", "请填写发放原因"));
        assertThat(violations(new TimeBankInputs.GrantPointsInput("1", "2", 10, "长".repeat(201), "key-12345678")))
                .containsExactly(Map.entry("reason", "发放原因不能超过 200 个字"));
        assertThat(violations(new TimeBankInputs.GrantPointsInput("1", "2", 10, "值守\u0007", "key-12345678")))
                .containsExactly(Map.entry("reason", "发放原因包含无效字符"));
        assertThat(new TimeBankInputs.GrantPointsInput("1", "2", 10, "  志愿值守 ", "key-12345678").reason())
                .isEqualTo("志愿值守");
    }

    @Test
    void aBlankTransferNoteIsNoNote() {
        assertThat(new TimeBankInputs.TransferPointsInput("2", 5, "  ", "key-12345678").note()).isNull();
        assertThat(violations(new TimeBankInputs.TransferPointsInput("2", 5, "留".repeat(101), "key-12345678")))
                .containsExactly(Map.entry("note", "留言不能超过 100 个字"));
    }

    @Test
    void rulesStayWithinTheirRanges() {
        assertThat(violations(new TimeBankInputs.SetTimeBankRulesInput("1", 0, 0, 121))).containsExactly(
                Map.entry("expiryMonths", "积分有效期（月）须在 1 到 120 之间"),
                Map.entry("pointsPerHour", "每小时积分须在 1 到 1000 之间"),
                Map.entry("storageCap", "积分存储上限须在 1 到 10000000 之间"));
        assertThat(violations(new TimeBankInputs.SetTimeBankRulesInput("1", 10, null, null))).isEmpty();
    }

    @Test
    void rewardsAndRedemptionsKeepTheirLimits() {
        var reward = new RewardInputs.CreateRewardInput("1", RewardKind.GOODS, " 理发券 ", "  ", 0, -1,
                LocalDate.of(2030, 1, 1), 366);
        assertThat(reward.title()).isEqualTo("理发券");
        assertThat(reward.description()).isNull();
        assertThat(violations(reward)).containsExactly(
                Map.entry("pointsPrice", "积分价格须在 1 到 100000 之间"),
                Map.entry("stock", "库存须在 0 到 100000 之间"),
                Map.entry("voucherValidDays", "券有效天数须在 1 到 365 之间"));
        assertThat(new RewardInputs.CreateRewardInput("1", RewardKind.SERVICE, "券", null, 5, 1, LocalDate.of(2030, 1, 1),
                null).validDays()).as("default").isEqualTo(30);
        assertThat(violations(new RewardInputs.RedeemRewardInput("1", 11, "key-12345678")))
                .containsExactly(Map.entry("quantity", "兑换数量须在 1 到 10 之间"));
    }

    @Test
    void volunteerActivitiesAndAttendanceKeepTheirLimits() {
        Instant start = Instant.parse("2026-12-05T01:00:00Z");
        var activity = new VolunteerInputs.CreateVolunteerActivityInput("1", "", null, " ", start, start.plusSeconds(3600),
                1001, 0);
        assertThat(violations(activity)).containsExactly(
                Map.entry("place", "请填写活动地点"),
                Map.entry("pointsPerHour", "每小时积分须在 1 到 1000 之间"),
                Map.entry("slots", "名额须在 1 到 1000 之间"),
                Map.entry("title", "请填写活动名称"));
        assertThat(violations(new VolunteerInputs.RecordAttendanceInput("1", "2", 1441)))
                .containsExactly(Map.entry("minutes", "服务时长（分钟）须在 1 到 1440 之间"));
    }
}
