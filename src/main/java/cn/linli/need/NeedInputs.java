package cn.linli.need;

import java.time.LocalDate;
import java.util.List;

import cn.linli.platform.validation.PlainText;
import cn.linli.platform.validation.Texts;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Inputs of the need mutations, validated ({@code @Valid}) with the messages people see; text is stripped first. */
final class NeedInputs {

    /**
     * A need raised by a household: submitted by one of its members, or recorded by staff going door to door (逐户问需).
     * Where: the household itself, or an estate or building of its community (a broken lift, a dark path).
     */
    record NeedInput(
            String householdId,
            @NotBlank(message = "请填写需求描述") @Size(max = 1000, message = "需求描述不能超过 1000 个字")
            @PlainText(message = "需求描述包含无效字符") String description,
            @Nullable List<String> photoIds, @Nullable String estateId, @Nullable String buildingId,
            String idempotencyKey) {

        NeedInput {
            description = Texts.strip(description);
            estateId = Texts.blankToNull(estateId);
            buildingId = Texts.blankToNull(buildingId);
        }
    }

    record NeedIdInput(String needId) {
    }

    record TriageNeedInput(
            String needId,
            @NotNull(message = "请选择需求类别") NeedKind kind,
            @NotNull(message = "请选择紧急程度") NeedLevel level,
            @Nullable @Size(max = 200, message = "备注不能超过 200 个字") @PlainText(message = "备注包含无效字符") String note) {

        TriageNeedInput {
            note = Texts.blankToNull(note);
        }
    }

    record MergeNeedsInput(String needId, String intoNeedId) {
    }

    record OrderFromNeedInput(
            String needId, @Nullable String offeringId, @Nullable String categoryCode,
            @NotBlank(message = "电话号码格式不正确") @Pattern(regexp = "[0-9-]{5,20}", message = "电话号码格式不正确")
            String contactPhone) {

        OrderFromNeedInput {
            contactPhone = Texts.strip(contactPhone);
            offeringId = Texts.blankToNull(offeringId);
            categoryCode = Texts.blankToNull(categoryCode);
        }
    }

    record CreateNeedMeetingInput(
            String communityId,
            @NotBlank(message = "请填写会议名称") @Size(max = 100, message = "会议名称不能超过 100 个字")
            @PlainText(message = "会议名称包含无效字符") String title,
            @NotNull(message = "请选择会议日期") LocalDate meetsOn) {

        CreateNeedMeetingInput {
            title = Texts.strip(title);
        }
    }

    record AddNeedToAgendaInput(String needId, String meetingId) {
    }

    record RecordAgendaResolutionInput(
            String meetingId, String needId,
            @NotNull(message = "请选择会议结论") AgendaOutcome outcome,
            @NotBlank(message = "请填写会议决议") @Size(max = 500, message = "会议决议不能超过 500 个字")
            @PlainText(message = "会议决议包含无效字符") String resolution) {

        RecordAgendaResolutionInput {
            resolution = Texts.strip(resolution);
        }
    }

    record ResolveNeedInput(
            String needId,
            @NotBlank(message = "请填写处理结果") @Size(max = 500, message = "处理结果不能超过 500 个字")
            @PlainText(message = "处理结果包含无效字符") String note) {

        ResolveNeedInput {
            note = Texts.strip(note);
        }
    }

    record SetNeedTriageRuleInput(
            String communityId,
            @NotNull(message = "请选择需求类别") NeedKind kind,
            @NotNull(message = "请选择紧急程度") NeedLevel level,
            @Min(value = 1, message = "办理时限须在 1 到 8760 小时之间")
            @Max(value = 8760, message = "办理时限须在 1 到 8760 小时之间") int dueWithinHours) {
    }

    /** What staff filter a community's needs by; every part optional. */
    record NeedFilter(@Nullable NeedStatus status, @Nullable NeedKind kind, @Nullable NeedLevel level,
                      @Nullable Boolean overdue) {
    }

    private NeedInputs() {
    }
}
