package cn.linli.order;

import java.util.Comparator;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The order inputs' constraints: the fields and Chinese messages the hand checks used to report. */
class OrderInputsTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void start() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    private static String firstViolation(Object input) {
        Set<ConstraintViolation<Object>> violations = validator.validate(input);
        return violations.stream().min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> v.getPropertyPath() + ": " + v.getMessage()).orElse("valid");
    }

    private static OrderInputs.PlaceOrderInput place(String description, String phone) {
        return new OrderInputs.PlaceOrderInput("1", null, "REPAIR", description, null, null, null, Urgency.NORMAL, phone,
                "order-key-1");
    }

    @Test
    void placeOrderNeedsADescriptionOfAtMostAThousandCharactersAndAPhone() {
        assertThat(firstViolation(place("  厨房水管漏水  ", " 13800000001 "))).isEqualTo("valid");
        assertThat(place("  厨房水管漏水  ", " 13800000001 ").description()).isEqualTo("厨房水管漏水");
        assertThat(firstViolation(place("   ", "13800000001"))).isEqualTo("description: 请填写需求描述");
        assertThat(firstViolation(place("修".repeat(1001), "13800000001"))).isEqualTo("description: 需求描述不能超过 1000 个字");
        assertThat(firstViolation(place("漏水\u0007", "13800000001"))).isEqualTo("description: 需求描述包含无效字符");
        assertThat(firstViolation(place("漏水", "138-abc"))).isEqualTo("contactPhone: 电话号码格式不正确");
        assertThat(firstViolation(place("漏水", " "))).isEqualTo("contactPhone: 电话号码格式不正确");
    }

    @Test
    void ratingsAreOneToFiveAndTheCommentOptional() {
        assertThat(firstViolation(new OrderInputs.ConfirmOrderInput("1", 5, 1, 3, "  "))).isEqualTo("valid");
        assertThat(new OrderInputs.ConfirmOrderInput("1", 5, 1, 3, "  ").comment()).isNull();
        assertThat(firstViolation(new OrderInputs.ConfirmOrderInput("1", 0, 3, 3, null)))
                .isEqualTo("quality: 服务质量评分须在 1 到 5 之间");
        assertThat(firstViolation(new OrderInputs.ConfirmOrderInput("1", 3, 6, 3, null)))
                .isEqualTo("punctuality: 准时评分须在 1 到 5 之间");
        assertThat(firstViolation(new OrderInputs.ConfirmOrderInput("1", 3, 3, 0, null)))
                .isEqualTo("attitude: 服务态度评分须在 1 到 5 之间");
        assertThat(firstViolation(new OrderInputs.ConfirmOrderInput("1", 3, 3, 3, "好".repeat(501))))
                .isEqualTo("comment: 评价不能超过 500 个字");
    }

    @Test
    void completionTakesOneMinuteToADayAndOptionalNotes() {
        assertThat(firstViolation(new OrderInputs.CompleteOrderInput("1", 1440, null, null))).isEqualTo("valid");
        assertThat(firstViolation(new OrderInputs.CompleteOrderInput("1", 0, null, null)))
                .isEqualTo("minutesSpent: 服务时长（分钟）须在 1 到 1440 之间");
        assertThat(firstViolation(new OrderInputs.CompleteOrderInput("1", 30, "记".repeat(1001), null)))
                .isEqualTo("notes: 服务记录不能超过 1000 个字");
    }

    @Test
    void cancellingAndDecliningNeedAReason() {
        assertThat(firstViolation(new OrderInputs.CancelOrderInput("1", " "))).isEqualTo("reason: 请填写取消原因");
        assertThat(firstViolation(new OrderInputs.CancelOrderInput("1", "因".repeat(501))))
                .isEqualTo("reason: 取消原因不能超过 500 个字");
        assertThat(firstViolation(new OrderInputs.DeclineOrderInput("1", null))).isEqualTo("reason: 请填写拒单原因");
        assertThat(new OrderInputs.DeclineOrderInput("1", "  太远 ").reason()).isEqualTo("太远");
    }
}
