package cn.linli.order;

import java.time.Instant;
import java.util.List;

import cn.linli.platform.validation.PlainText;
import cn.linli.platform.validation.Texts;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Inputs of the order mutations, validated on the way in ({@code @Valid}); text is stripped first. */
final class OrderInputs {

    record PlaceOrderInput(
            String householdId, @Nullable String offeringId, @Nullable String categoryCode,
            @NotBlank(message = "请填写需求描述") @Size(max = 1000, message = "需求描述不能超过 1000 个字")
            @PlainText(message = "需求描述包含无效字符") String description,
            @Nullable List<String> photoIds, @Nullable Instant preferredFrom, @Nullable Instant preferredTo,
            Urgency urgency,
            @NotBlank(message = "电话号码格式不正确") @Pattern(regexp = "[0-9-]{5,20}", message = "电话号码格式不正确")
            String contactPhone,
            String idempotencyKey) {

        PlaceOrderInput {
            description = Texts.strip(description);
            contactPhone = Texts.strip(contactPhone);
        }
    }

    record DispatchOrderInput(String orderId, String partnerId) {
    }

    record AcceptOrderInput(String orderId, @Nullable String servingMemberId) {
    }

    record DeclineOrderInput(
            String orderId,
            @NotBlank(message = "请填写拒单原因") @Size(max = 500, message = "拒单原因不能超过 500 个字")
            @PlainText(message = "拒单原因包含无效字符") String reason) {

        DeclineOrderInput {
            reason = Texts.strip(reason);
        }
    }

    record StartOrderInput(String orderId) {
    }

    record CompleteOrderInput(
            String orderId,
            @Min(value = 1, message = "服务时长（分钟）须在 1 到 1440 之间")
            @Max(value = 1440, message = "服务时长（分钟）须在 1 到 1440 之间") int minutesSpent,
            @Nullable @Size(max = 1000, message = "服务记录不能超过 1000 个字")
            @PlainText(message = "服务记录包含无效字符") String notes,
            @Nullable List<String> photoIds) {

        CompleteOrderInput {
            notes = Texts.blankToNull(notes);
        }
    }

    record ConfirmOrderInput(
            String orderId,
            @Min(value = 1, message = "服务质量评分须在 1 到 5 之间")
            @Max(value = 5, message = "服务质量评分须在 1 到 5 之间") int quality,
            @Min(value = 1, message = "准时评分须在 1 到 5 之间")
            @Max(value = 5, message = "准时评分须在 1 到 5 之间") int punctuality,
            @Min(value = 1, message = "服务态度评分须在 1 到 5 之间")
            @Max(value = 5, message = "服务态度评分须在 1 到 5 之间") int attitude,
            @Nullable @Size(max = 500, message = "评价不能超过 500 个字")
            @PlainText(message = "评价包含无效字符") String comment) {

        ConfirmOrderInput {
            comment = Texts.blankToNull(comment);
        }
    }

    record CancelOrderInput(
            String orderId,
            @NotBlank(message = "请填写取消原因") @Size(max = 500, message = "取消原因不能超过 500 个字")
            @PlainText(message = "取消原因包含无效字符") String reason) {

        CancelOrderInput {
            reason = Texts.strip(reason);
        }
    }

    private OrderInputs() {
    }
}
