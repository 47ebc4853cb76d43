import type {
  CommunityNeedsResult, NeedFilter, NeedKind, NeedLevel, NeedMeetingsResult, NeedStatus,
} from '../generated/operations';

// 需求分流 (triage board): names, the server-side filter, and what staff may do with a need in its state — the same
// table as the server's NeedLifecycle, so the page offers only actions the server will take.
export type BoardNeed = CommunityNeedsResult['communityNeeds']['edges'][number]['node'];
export type Meeting = NeedMeetingsResult['needMeetings']['edges'][number]['node'];

export const NEED_STATUS_NAMES: Record<NeedStatus, string> = {
  SUBMITTED: '待分流', TRIAGED: '处理中', ORDERED: '已转服务工单', ON_AGENDA: '待联席会议', ESCALATED: '已上报街道',
  RESOLVED: '已解决', MERGED: '已合并', IN_PROJECT: '已纳入项目',
};
export const KIND_NAMES: Record<NeedKind, string> = {
  MAJOR: '大事', PRACTICAL: '实事', IMPORTANT: '要事', URGENT: '急事', DIFFICULT: '难事',
};
export const LEVEL_NAMES: Record<NeedLevel, string> = { NORMAL: '一般', URGENT: '紧急' };

export interface NeedFilters { status: NeedStatus | ''; kind: NeedKind | ''; level: NeedLevel | ''; overdue: '' | 'yes' | 'no' }

export function emptyNeedFilters(): NeedFilters {
  return { status: '', kind: '', level: '', overdue: '' };
}

/** The board's filters as the server's NeedFilter (null when none is set: every need). */
export function filterInput(filters: NeedFilters): NeedFilter | null {
  const input: NeedFilter = {};
  if (filters.status) input.status = filters.status;
  if (filters.kind) input.kind = filters.kind;
  if (filters.level) input.level = filters.level;
  if (filters.overdue) input.overdue = filters.overdue === 'yes';
  return Object.keys(input).length ? input : null;
}

/** Triage (again) while the community still holds the need: 待分流 or 处理中. */
export function canTriage(need: Pick<BoardNeed, 'status'>): boolean {
  return need.status === 'SUBMITTED' || need.status === 'TRIAGED';
}

export function canMerge(need: Pick<BoardNeed, 'status'>): boolean {
  return canTriage(need);
}

/** A triaged 实事 becomes a service order. */
export function canOrder(need: Pick<BoardNeed, 'status' | 'kind'>): boolean {
  return need.status === 'TRIAGED' && need.kind === 'PRACTICAL';
}

/** A triaged 大事 or 难事 goes onto the next joint meeting's agenda. */
export function canPutOnAgenda(need: Pick<BoardNeed, 'status' | 'kind'>): boolean {
  return need.status === 'TRIAGED' && (need.kind === 'MAJOR' || need.kind === 'DIFFICULT');
}

/** The needs another can be merged into: open ones of the board other than itself. */
export function mergeTargets(needs: BoardNeed[], duplicate: BoardNeed): BoardNeed[] {
  return needs.filter((n) => n.id !== duplicate.id && !['MERGED', 'RESOLVED'].includes(n.status));
}

/** The next joint meeting: the earliest one on or after today (YYYY-MM-DD), or null when none is scheduled. */
export function nextMeeting(meetings: Pick<Meeting, 'id' | 'meetsOn' | 'title'>[], today: string) {
  return meetings.filter((m) => m.meetsOn >= today).sort((a, b) => a.meetsOn.localeCompare(b.meetsOn))[0] ?? null;
}

/** A need the server returned replaces the one on the board; one that no longer matches the filters leaves it. */
export function replaceNeed(needs: BoardNeed[], changed: BoardNeed, filters: NeedFilters): BoardNeed[] {
  const keep = matches(changed, filters);
  const index = needs.findIndex((n) => n.id === changed.id);
  if (index < 0) return keep ? [changed, ...needs] : needs;
  return keep ? needs.map((n) => (n.id === changed.id ? changed : n)) : needs.filter((n) => n.id !== changed.id);
}

export function matches(need: BoardNeed, filters: NeedFilters): boolean {
  return (!filters.status || need.status === filters.status)
    && (!filters.kind || need.kind === filters.kind)
    && (!filters.level || need.level === filters.level)
    && (!filters.overdue || need.overdue === (filters.overdue === 'yes'));
}

/** The phone the partner calls when a 实事 becomes an order: digits and dashes, as the server checks it. */
export function contactPhoneError(phone: string | null | undefined): string | null {
  const text = (phone ?? '').trim();
  if (!text) return '请填写联系电话';
  return /^[0-9-]{5,20}$/.test(text) ? null : '电话号码格式不正确';
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('zh-CN', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}
