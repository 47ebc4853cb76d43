import type { TimeBankReconciliationResult, VolunteerActivitiesResult } from '../generated/operations';

// 时间银行: the forms' rules (the server's limits, said before sending), the volunteer activity's state, and the
// reconciliation in words.
export type Activity = VolunteerActivitiesResult['volunteerActivities']['edges'][number]['node'];
export type Reconciliation = TimeBankReconciliationResult['timeBankReconciliation'];

const within = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

export function grantError(form: { accountId: string; points: number; reason: string }): string | null {
  if (!/^\d+$/.test(form.accountId.trim())) return '请填写居民的账号编号（数字）';
  if (!within(form.points, 1, 100_000)) return '积分须在 1 到 100000 之间';
  if (!form.reason.trim()) return '请填写发放原因';
  if (form.reason.trim().length > 200) return '发放原因不能超过 200 个字';
  return null;
}

export function rulesError(form: { pointsPerHour: number; storageCap: number | null; expiryMonths: number | null }): string | null {
  if (!within(form.pointsPerHour, 1, 1000)) return '每小时积分须在 1 到 1000 之间';
  if (form.storageCap !== null && !within(form.storageCap, 1, 10_000_000)) return '积分存储上限须在 1 到 10000000 之间';
  if (form.expiryMonths !== null && !within(form.expiryMonths, 1, 120)) return '积分有效期（月）须在 1 到 120 之间';
  return null;
}

export interface ActivityForm { title: string; place: string; description: string; startsAt: string; endsAt: string; slots: number; pointsPerHour: number }

export function activityError(form: ActivityForm, now: number = Date.now()): string | null {
  if (!form.title.trim()) return '请填写活动名称';
  if (form.title.trim().length > 60) return '活动名称不能超过 60 个字';
  if (!form.place.trim()) return '请填写活动地点';
  if (!form.startsAt || !form.endsAt) return '请选择活动起止时间';
  if (Date.parse(form.startsAt) <= now) return '开始时间须晚于现在';
  if (Date.parse(form.endsAt) <= Date.parse(form.startsAt)) return '结束时间须晚于开始时间';
  if (!within(form.slots, 1, 1000)) return '名额须在 1 到 1000 之间';
  if (!within(form.pointsPerHour, 1, 1000)) return '每小时积分须在 1 到 1000 之间';
  return null;
}

export function minutesError(minutes: number): string | null {
  return within(minutes, 1, 24 * 60) ? null : '服务时长（分钟）须在 1 到 1440 之间';
}

export function reconciliationText(r: Reconciliation): { ok: boolean; text: string } {
  const checked = `核对账户 ${r.accountsChecked} 个、流水 ${r.transactionsChecked} 笔，本社区累计发放 ${r.issuedInCommunity} 积分`;
  return r.balanced ? { ok: true, text: `账目平衡：${checked}` } : { ok: false, text: `账目不平衡（${r.breaks.length} 处）：${checked}` };
}

/** A fresh idempotency key per grant: pressing the button twice on a slow network moves points once. */
export function newIdempotencyKey(random: () => number = Math.random): string {
  return 'console-grant-' + Date.now().toString(36) + '-' + Math.floor(random() * 1e12).toString(36);
}
