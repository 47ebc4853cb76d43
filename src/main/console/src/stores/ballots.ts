import type {
  BallotKind, BallotResult, BallotResultsResult, BallotStatus, BallotsResult, CreateBallotInput, PickMode,
} from '../generated/operations';

// 投票 (household ballots) for staff: names, the new-ballot form's rules and its input, which buttons a status offers,
// how a live results message replaces the shown one, and the pass/fail verdict as words.
export type BallotRow = BallotsResult['ballots']['edges'][number]['node'];
export type BallotDetail = BallotResult['ballot'];
export type Results = BallotResultsResult['ballotResults'];

export const BALLOT_STATUS_NAMES: Record<BallotStatus, string> = {
  DRAFT: '草稿', SCHEDULED: '待开始', OPEN: '投票中', CLOSED: '已结束', CANCELLED: '已取消',
};
export const BALLOT_KIND_NAMES: Record<BallotKind, string> = { NEEDS: '问需求', PROJECT: '问项目', SATISFACTION: '问效果' };
export const PICK_MODE_NAMES: Record<PickMode, string> = {
  SINGLE: '单选', APPROVE: '同意 / 不同意', PICK_UP_TO_N: '多选（最多 N 项）', RANK: '排序（前 N 项）',
};

/** The answer modes each kind allows: a satisfaction ballot is always 满意 / 基本满意 / 不满意. */
export function pickModesOf(kind: BallotKind): PickMode[] {
  if (kind === 'SATISFACTION') return ['SINGLE'];
  if (kind === 'PROJECT') return ['APPROVE', 'SINGLE'];
  return ['PICK_UP_TO_N', 'RANK', 'SINGLE'];
}

/** Fixed options (满意… or 同意/不同意) need none written. */
export function writesOptions(kind: BallotKind, pickMode: PickMode): boolean {
  return kind !== 'SATISFACTION' && pickMode !== 'APPROVE';
}

export interface BallotDraft {
  kind: BallotKind; pickMode: PickMode; maxPicks: number; title: string; description: string;
  opensAt: string; closesAt: string; optionsText: string; subjectId: string;
}

export function emptyBallotDraft(now: number): BallotDraft {
  return {
    kind: 'NEEDS', pickMode: 'PICK_UP_TO_N', maxPicks: 3, title: '', description: '',
    opensAt: new Date(now).toISOString(), closesAt: new Date(now + 7 * 86400000).toISOString(), optionsText: '', subjectId: '',
  };
}

export function optionLabels(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** The form's problems in its order, with the server's own words; null when it may be sent. */
export function ballotDraftError(draft: BallotDraft): string | null {
  const title = draft.title.trim();
  if (!title) return '请填写投票标题';
  if (title.length > 100) return '标题不能超过 100 个字';
  if (draft.description.length > 2000) return '说明不能超过 2000 个字';
  if (!draft.opensAt) return '请填写开始时间';
  if (!draft.closesAt) return '请填写截止时间';
  if (Date.parse(draft.closesAt) <= Date.parse(draft.opensAt)) return '截止时间须晚于开始时间';
  if (writesOptions(draft.kind, draft.pickMode)) {
    const labels = optionLabels(draft.optionsText);
    if (labels.length < 2) return '请至少填写 2 个选项（每行一个）';
    if (labels.length > 20) return '选项最多 20 个';
    if (labels.some((l) => l.length > 100)) return '选项不能超过 100 个字';
    if ((draft.pickMode === 'PICK_UP_TO_N' || draft.pickMode === 'RANK') && (draft.maxPicks < 1 || draft.maxPicks > 20)) {
      return '最多可选数须在 1 到 20 之间';
    }
  }
  return null;
}

export function ballotInput(communityId: string, draft: BallotDraft): CreateBallotInput {
  const pickMode = draft.kind === 'SATISFACTION' ? 'SINGLE' : draft.pickMode;
  const many = pickMode === 'PICK_UP_TO_N' || pickMode === 'RANK';
  const subjectKind = draft.kind === 'NEEDS' ? 'NEED_LIST' : draft.kind !== 'SATISFACTION' && draft.subjectId ? 'PROJECT' : null;
  return {
    communityId, kind: draft.kind, pickMode, maxPicks: many ? draft.maxPicks : null,
    title: draft.title.trim(), description: draft.description.trim() || null,
    subjectKind, subjectId: subjectKind === 'PROJECT' ? draft.subjectId : null,
    opensAt: new Date(draft.opensAt).toISOString(), closesAt: new Date(draft.closesAt).toISOString(),
    options: writesOptions(draft.kind, pickMode) ? optionLabels(draft.optionsText).map((label) => ({ label })) : null,
  };
}

/** 发布/开始 a draft; close an open one early; call off anything not yet over. */
export function canOpen(ballot: { status: BallotStatus }): boolean { return ballot.status === 'DRAFT'; }
export function canClose(ballot: { status: BallotStatus }): boolean { return ballot.status === 'OPEN'; }
export function canCancel(ballot: { status: BallotStatus }): boolean {
  return ['DRAFT', 'SCHEDULED', 'OPEN'].includes(ballot.status);
}

/** A status change from a mutation updates the list row in place. */
export function withStatus<T extends { id: string; status: BallotStatus }>(rows: T[], changed: { id: string; status: BallotStatus }): T[] {
  return rows.map((row) => (row.id === changed.id ? { ...row, status: changed.status } : row));
}

/** A live results message for the ballot on screen replaces what is shown; one for another ballot is ignored. */
export function applyResults(shown: Results | null, incoming: Results): Results | null {
  if (shown && shown.ballotId !== incoming.ballotId) return shown;
  return incoming;
}

/** Pass or fail in words: final once closed, "as it stands" while open. */
export function verdict(results: Pick<Results, 'status' | 'passed' | 'turnoutMet' | 'majorityMet'>): string {
  if (results.status === 'DRAFT' || results.status === 'SCHEDULED') return '尚未开始';
  if (results.status === 'CANCELLED') return '已取消';
  const word = results.passed ? '通过' : !results.turnoutMet ? '未通过（参与率不足）' : '未通过（未过半数）';
  return results.status === 'OPEN' ? `目前：${word}` : word;
}
