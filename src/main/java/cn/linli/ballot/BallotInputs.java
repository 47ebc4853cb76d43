package cn.linli.ballot;

import java.time.Instant;
import java.util.List;

import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.validation.PlainText;
import cn.linli.platform.validation.Texts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Inputs of the ballot mutations, validated ({@code @Valid}) with the messages people see. */
final class BallotInputs {

    record BallotOptionInput(
            @NotBlank(message = "请填写选项内容") @Size(max = 100, message = "选项不能超过 100 个字")
            @PlainText(message = "选项包含无效字符") String label,
            @Nullable String subjectId) {

        BallotOptionInput {
            label = Texts.strip(label);
        }
    }

    /** What a ballot says and how it counts: the same for making and editing one. */
    record Content(BallotKind kind, @Nullable PickMode pickMode, @Nullable Integer maxPicks, String title,
                   @Nullable String description, @Nullable BallotSubjectKind subjectKind, @Nullable String subjectId,
                   Instant opensAt, Instant closesAt, @Nullable Integer remindHoursBefore,
                   @Nullable Integer minTurnoutPercent, @Nullable Integer majorityPercent,
                   @Nullable List<BallotOptionInput> options) {
    }

    record CreateBallotInput(
            String communityId,
            @NotNull(message = "请选择投票类型") BallotKind kind,
            @Nullable PickMode pickMode,
            @Nullable @Min(value = 1, message = "最多可选数须在 1 到 20 之间") @Max(value = 20, message = "最多可选数须在 1 到 20 之间") Integer maxPicks,
            @NotBlank(message = "请填写投票标题") @Size(max = 100, message = "标题不能超过 100 个字")
            @PlainText(message = "标题包含无效字符") String title,
            @Nullable @Size(max = 2000, message = "说明不能超过 2000 个字") @PlainText(message = "说明包含无效字符") String description,
            @Nullable BallotSubjectKind subjectKind,
            @Nullable String subjectId,
            @NotNull(message = "请填写开始时间") Instant opensAt,
            @NotNull(message = "请填写截止时间") Instant closesAt,
            @Nullable @Min(value = 0, message = "提醒时间须在 0 到 720 小时之间") @Max(value = 720, message = "提醒时间须在 0 到 720 小时之间") Integer remindHoursBefore,
            @Nullable @Min(value = 0, message = "最低参与率须在 0 到 100 之间") @Max(value = 100, message = "最低参与率须在 0 到 100 之间") Integer minTurnoutPercent,
            @Nullable @Min(value = 0, message = "通过比例须在 0 到 99 之间") @Max(value = 99, message = "通过比例须在 0 到 99 之间") Integer majorityPercent,
            @Nullable @Size(max = 20, message = "选项最多 20 个") List<@Valid BallotOptionInput> options) {

        CreateBallotInput {
            title = Texts.strip(title);
            description = Texts.blankToNull(description);
        }

        Content content() {
            return new Content(kind, pickMode, maxPicks, title, description, subjectKind, subjectId, opensAt, closesAt,
                    remindHoursBefore, minTurnoutPercent, majorityPercent, options);
        }
    }

    record UpdateBallotInput(
            String ballotId,
            @NotNull(message = "请选择投票类型") BallotKind kind,
            @Nullable PickMode pickMode,
            @Nullable @Min(value = 1, message = "最多可选数须在 1 到 20 之间") @Max(value = 20, message = "最多可选数须在 1 到 20 之间") Integer maxPicks,
            @NotBlank(message = "请填写投票标题") @Size(max = 100, message = "标题不能超过 100 个字")
            @PlainText(message = "标题包含无效字符") String title,
            @Nullable @Size(max = 2000, message = "说明不能超过 2000 个字") @PlainText(message = "说明包含无效字符") String description,
            @Nullable BallotSubjectKind subjectKind,
            @Nullable String subjectId,
            @NotNull(message = "请填写开始时间") Instant opensAt,
            @NotNull(message = "请填写截止时间") Instant closesAt,
            @Nullable @Min(value = 0, message = "提醒时间须在 0 到 720 小时之间") @Max(value = 720, message = "提醒时间须在 0 到 720 小时之间") Integer remindHoursBefore,
            @Nullable @Min(value = 0, message = "最低参与率须在 0 到 100 之间") @Max(value = 100, message = "最低参与率须在 0 到 100 之间") Integer minTurnoutPercent,
            @Nullable @Min(value = 0, message = "通过比例须在 0 到 99 之间") @Max(value = 99, message = "通过比例须在 0 到 99 之间") Integer majorityPercent,
            @Nullable @Size(max = 20, message = "选项最多 20 个") List<@Valid BallotOptionInput> options) {

        UpdateBallotInput {
            title = Texts.strip(title);
            description = Texts.blankToNull(description);
        }

        Content content() {
            return new Content(kind, pickMode, maxPicks, title, description, subjectKind, subjectId, opensAt, closesAt,
                    remindHoursBefore, minTurnoutPercent, majorityPercent, options);
        }
    }

    record BallotIdInput(String ballotId) {
    }

    record CastBallotVoteInput(
            String ballotId,
            @Nullable String householdId,
            @NotNull(message = "请选择选项") @Size(max = 50, message = "选项太多") List<String> optionIds,
            @Nullable @Size(max = 200, message = "意见不能超过 200 个字") @PlainText(message = "意见包含无效字符") String comment,
            @Nullable String idempotencyKey) {

        CastBallotVoteInput {
            comment = Texts.blankToNull(comment);
        }

        List<Long> optionIdList() {
            return optionIds.stream().map(raw -> Ids.parse(raw, "input.optionIds")).toList();
        }
    }

    /** The draft a ballot's content makes, checked across fields (fixed options, picks, times). */
    static BallotRepository.Draft draft(long communityId, Content content, @Nullable Long createdBy) {
        PickMode mode = content.kind() == BallotKind.SATISFACTION ? PickMode.SINGLE
                : content.pickMode() == null ? PickMode.SINGLE : content.pickMode();
        int maxPicks = mode == PickMode.PICK_UP_TO_N || mode == PickMode.RANK
                ? (content.maxPicks() == null ? 3 : content.maxPicks()) : 1;
        if (!content.closesAt().isAfter(content.opensAt())) {
            throw LinliException.invalid("input.closesAt", "截止时间须晚于开始时间");
        }
        return new BallotRepository.Draft(communityId, content.kind(), mode, maxPicks, content.title(),
                content.description(), content.subjectKind(), Ids.parseOptional(content.subjectId(), "input.subjectId"),
                content.opensAt(), content.closesAt(),
                content.remindHoursBefore() == null ? 24 : content.remindHoursBefore(),
                content.minTurnoutPercent(), content.majorityPercent(), createdBy);
    }

    /** The options the ballot gets: the fixed ones of its kind and mode, or staff's (2 or more, at least maxPicks). */
    static List<FixedOptions.Draft> options(BallotRepository.Draft draft, @Nullable List<BallotOptionInput> given) {
        List<FixedOptions.Draft> fixed = FixedOptions.of(draft.kind(), draft.pickMode());
        if (fixed != null) {
            return fixed;
        }
        List<BallotOptionInput> options = given == null ? List.of() : given;
        if (options.size() < 2) {
            throw LinliException.invalid("input.options", "请至少填写两个选项");
        }
        if (draft.maxPicks() > options.size()) {
            throw LinliException.invalid("input.maxPicks", "最多可选数不能超过选项数");
        }
        return options.stream()
                .map(o -> new FixedOptions.Draft(o.label(), Ids.parseOptional(o.subjectId(), "input.options.subjectId")))
                .toList();
    }

    private BallotInputs() {
    }
}
