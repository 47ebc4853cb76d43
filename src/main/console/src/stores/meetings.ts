import type { AgendaOutcome } from '../generated/operations';
import type { Meeting } from './needs';

// 联席会议 (joint meetings): the new-meeting form, the resolution form and which agenda items still wait for one.
export const OUTCOME_NAMES: Record<AgendaOutcome, string> = {
  RESOLVED: '会议解决', ESCALATED: '上报街道', REOPENED: '退回重新处理',
};

export function meetingDraftError(title: string, meetsOn: string | null | undefined): string | null {
  const text = title.trim();
  if (!text) return '请填写会议名称';
  if (text.length > 100) return '会议名称不能超过 100 个字';
  if (!meetsOn) return '请选择会议日期';
  return null;
}

export function resolutionError(outcome: AgendaOutcome | '' | null | undefined, resolution: string | null | undefined): string | null {
  if (!outcome) return '请选择会议结论';
  const text = (resolution ?? '').trim();
  if (!text) return '请填写会议决议';
  if (text.length > 500) return '会议决议不能超过 500 个字';
  return null;
}

/** Agenda items still without a resolution. */
export function undecided(meeting: Pick<Meeting, 'agenda'>): number {
  return meeting.agenda.filter((item) => !item.outcome).length;
}

/** Upcoming meetings first (soonest first), then past ones (latest first). */
export function ordered<T extends Pick<Meeting, 'meetsOn'>>(meetings: T[], today: string): T[] {
  const upcoming = meetings.filter((m) => m.meetsOn >= today).sort((a, b) => a.meetsOn.localeCompare(b.meetsOn));
  const past = meetings.filter((m) => m.meetsOn < today).sort((a, b) => b.meetsOn.localeCompare(a.meetsOn));
  return [...upcoming, ...past];
}
