package cn.linli.project;

import java.time.LocalDate;
import java.util.List;

import cn.linli.platform.validation.PlainText;
import cn.linli.platform.validation.Texts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Inputs of the project, resource and committee mutations, validated with the messages people see. */
final class ProjectInputs {

    /**
     * A resource offered to a community: by a partner's member (for their partner), or by staff for a named unit
     * (驻区单位, {@code unitName}). Money is counted in fen with unit 分.
     */
    record OfferResourceInput(
            String communityId,
            @NotNull(message = "请选择资源类别") ResourceKind kind,
            @NotBlank(message = "请填写资源名称") @Size(max = 100, message = "资源名称不能超过 100 个字")
            @PlainText(message = "资源名称包含无效字符") String title,
            @Nullable @Size(max = 1000, message = "资源说明不能超过 1000 个字") @PlainText(message = "资源说明包含无效字符")
            String description,
            @NotNull(message = "请填写数量") @Min(value = 1, message = "数量须大于 0")
            @Max(value = 1_000_000_000L, message = "数量过大") Long quantity,
            @NotBlank(message = "请填写单位") @Size(max = 20, message = "单位不能超过 20 个字")
            @PlainText(message = "单位包含无效字符") String unit,
            @Nullable @Size(max = 100, message = "单位名称不能超过 100 个字") @PlainText(message = "单位名称包含无效字符")
            String unitName) {

        OfferResourceInput {
            title = Texts.strip(title);
            description = Texts.blankToNull(description);
            unit = Texts.strip(unit);
            unitName = Texts.blankToNull(unitName);
        }
    }

    record ResourceIdInput(String resourceId) {
    }

    record MilestoneInput(
            @NotBlank(message = "请填写里程碑名称") @Size(max = 100, message = "里程碑名称不能超过 100 个字")
            @PlainText(message = "里程碑名称包含无效字符") String title,
            @NotNull(message = "请选择计划完成日期") LocalDate dueOn) {

        MilestoneInput {
            title = Texts.strip(title);
        }
    }

    record CreateProjectInput(
            String communityId,
            @NotBlank(message = "请填写项目名称") @Size(max = 100, message = "项目名称不能超过 100 个字")
            @PlainText(message = "项目名称包含无效字符") String title,
            @NotBlank(message = "请填写项目目标") @Size(max = 1000, message = "项目目标不能超过 1000 个字")
            @PlainText(message = "项目目标包含无效字符") String goal,
            @NotNull(message = "请填写项目预算") @Min(value = 0, message = "项目预算不能为负数")
            @Max(value = 100_000_000_000L, message = "项目预算过大") Long budgetFen,
            @Nullable @Size(max = 50, message = "一次最多关联 50 个需求") List<String> needIds,
            @Nullable @Size(max = 50, message = "里程碑不能超过 50 个") List<@Valid MilestoneInput> milestones,
            @Nullable String idempotencyKey) {

        CreateProjectInput {
            title = Texts.strip(title);
            goal = Texts.strip(goal);
        }
    }

    record LinkProjectNeedsInput(
            String projectId,
            @NotEmpty(message = "请选择要关联的需求") @Size(max = 50, message = "一次最多关联 50 个需求") List<String> needIds) {
    }

    record AddProjectMilestoneInput(
            String projectId,
            @NotBlank(message = "请填写里程碑名称") @Size(max = 100, message = "里程碑名称不能超过 100 个字")
            @PlainText(message = "里程碑名称包含无效字符") String title,
            @NotNull(message = "请选择计划完成日期") LocalDate dueOn) {

        AddProjectMilestoneInput {
            title = Texts.strip(title);
        }
    }

    record PledgeResourceInput(String projectId, String resourceId) {
    }

    record ProjectIdInput(String projectId) {
    }

    record ReportMilestoneInput(
            String milestoneId,
            @NotBlank(message = "请填写完成情况") @Size(max = 500, message = "完成情况不能超过 500 个字")
            @PlainText(message = "完成情况包含无效字符") String note,
            @Nullable List<String> photoIds) {

        ReportMilestoneInput {
            note = Texts.strip(note);
        }
    }

    record SignOffProjectInput(
            String projectId,
            @Nullable @Size(max = 500, message = "验收意见不能超过 500 个字") @PlainText(message = "验收意见包含无效字符")
            String note) {

        SignOffProjectInput {
            note = Texts.blankToNull(note);
        }
    }

    record CancelProjectInput(
            String projectId,
            @NotBlank(message = "请填写取消原因") @Size(max = 200, message = "取消原因不能超过 200 个字")
            @PlainText(message = "取消原因包含无效字符") String reason) {

        CancelProjectInput {
            reason = Texts.strip(reason);
        }
    }

    record SupervisionMemberInput(String communityId, String accountId) {
    }

    record SetSupervisionRuleInput(
            String communityId,
            @Min(value = 1, message = "验收人数须在 1 到 50 之间") @Max(value = 50, message = "验收人数须在 1 到 50 之间")
            int minSignOffs,
            boolean majority) {
    }

    private ProjectInputs() {
    }
}
