import type { CreateProjectInput, ProjectResult, ProjectStatus, ProjectsResult } from '../generated/operations';

// 项目清单 for staff: names, money in 元 on screen and 分 on the wire, the new-project and milestone forms, and what
// each status offers — the same table as the server's ProjectLifecycle.
export type ProjectRow = ProjectsResult['projects']['edges'][number]['node'];
export type ProjectDetail = ProjectResult['project'];

export const PROJECT_STATUS_NAMES: Record<ProjectStatus, string> = {
  PLANNED: '筹备中', IN_PROGRESS: '实施中', AWAITING_SIGN_OFF: '待监督委员会验收', COMPLETED: '已完成', CANCELLED: '已取消',
};

/** 元 as typed (up to two decimals) to 分; null when it is not an amount. */
export function yuanToFen(yuan: string): number | null {
  const text = yuan.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
  return Math.round(Number(text) * 100);
}

export function fenToYuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

export interface ProjectDraft { title: string; goal: string; budgetYuan: string; needIds: string[] }

export function emptyProjectDraft(): ProjectDraft {
  return { title: '', goal: '', budgetYuan: '', needIds: [] };
}

export function projectDraftError(draft: ProjectDraft): string | null {
  const title = draft.title.trim();
  if (!title) return '请填写项目名称';
  if (title.length > 100) return '项目名称不能超过 100 个字';
  const goal = draft.goal.trim();
  if (!goal) return '请填写项目目标';
  if (goal.length > 1000) return '项目目标不能超过 1000 个字';
  if (yuanToFen(draft.budgetYuan) == null) return '请填写项目预算（元，最多两位小数）';
  if (draft.needIds.length > 50) return '一次最多关联 50 个需求';
  return null;
}

export function projectInput(communityId: string, draft: ProjectDraft): CreateProjectInput {
  return {
    communityId, title: draft.title.trim(), goal: draft.goal.trim(), budgetFen: yuanToFen(draft.budgetYuan) ?? 0,
    needIds: draft.needIds.length ? draft.needIds : null,
  };
}

export function milestoneError(title: string, dueOn: string | null | undefined): string | null {
  const text = title.trim();
  if (!text) return '请填写里程碑名称';
  if (text.length > 100) return '里程碑名称不能超过 100 个字';
  if (!dueOn) return '请选择计划完成日期';
  return null;
}

type WithMilestones = { status: ProjectStatus; milestones: { done: boolean }[] };

export function canStart(project: { status: ProjectStatus }): boolean { return project.status === 'PLANNED'; }
export function canEdit(project: { status: ProjectStatus }): boolean {
  return project.status === 'PLANNED' || project.status === 'IN_PROGRESS';
}
export function canReport(project: { status: ProjectStatus }, milestone: { done: boolean }): boolean {
  return project.status === 'IN_PROGRESS' && !milestone.done;
}
/** Submitted to the committee once under way and every milestone is reported done. */
export function canSubmit(project: WithMilestones): boolean {
  return project.status === 'IN_PROGRESS' && project.milestones.length > 0 && project.milestones.every((m) => m.done);
}

export function progressText(project: { milestones: { done: boolean }[] }): string {
  const done = project.milestones.filter((m) => m.done).length;
  return project.milestones.length ? `${done}/${project.milestones.length}` : '—';
}
