package cn.linli.timebank;

import java.time.Instant;

import cn.linli.platform.validation.PlainText;
import cn.linli.platform.validation.Texts;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Inputs of the volunteer-activity API. */
final class VolunteerInputs {

    record CreateVolunteerActivityInput(
            String communityId,
            @NotBlank(message = "请填写活动名称") @Size(max = 60, message = "活动名称不能超过 60 个字")
            @PlainText(message = "活动名称包含无效字符") String title,
            @Nullable @Size(max = 1000, message = "活动说明不能超过 1000 个字") @PlainText(message = "活动说明包含无效字符")
            String description,
            @NotBlank(message = "请填写活动地点") @Size(max = 100, message = "活动地点不能超过 100 个字")
            @PlainText(message = "活动地点包含无效字符") String place,
            Instant startsAt,
            Instant endsAt,
            @Min(value = 1, message = "名额须在 1 到 1000 之间") @Max(value = 1000, message = "名额须在 1 到 1000 之间") int slots,
            @Min(value = 1, message = "每小时积分须在 1 到 1000 之间") @Max(value = 1000, message = "每小时积分须在 1 到 1000 之间")
            int pointsPerHour) {

        CreateVolunteerActivityInput {
            title = Texts.strip(title);
            description = Texts.blankToNull(description);
            place = Texts.strip(place);
        }
    }

    record SignUpInput(String activityId) {
    }

    record RecordAttendanceInput(
            String activityId,
            String accountId,
            @Min(value = 1, message = "服务时长（分钟）须在 1 到 1440 之间")
            @Max(value = 1440, message = "服务时长（分钟）须在 1 到 1440 之间") int minutes) {
    }

    private VolunteerInputs() {
    }
}
