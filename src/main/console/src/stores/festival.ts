import type {
  CampaignLedgerResult, CampaignPledgesToConfirmResult, CampaignProgressUpdatesResult, CampaignStatus, CampaignsResult, ContributorKind, FundingRule,
} from '../generated/operations';
import { toFen, toCsv, yuan } from '../api/files';

// 邻里节: campaign labels, what staff may do in each state, the draft and expense forms' rules, the thermometer,
// the four-eyes rule as the console shows it (the server enforces it), and the public ledger as a CSV file.
export type Campaign = CampaignsResult['campaigns']['edges'][number]['node'];
export type Ledger = CampaignLedgerResult['campaignLedger'];
export type ProgressUpdate = CampaignProgressUpdatesResult['campaignProgress'];

export const CAMPAIGN_STATUS_NAMES: Record<CampaignStatus, string> = {
  DRAFT: '草稿', OPEN: '众筹中', FUNDED: '已达成', FAILED: '未达成', CLOSED: '已结束',
};
export const FUNDING_RULE_NAMES: Record<FundingRule, string> = { ALL_OR_NOTHING: '达标才生效', KEEP_WHAT_YOU_RAISE: '筹多少用多少' };
export const CONTRIBUTOR_NAMES: Record<ContributorKind, string> = { RESIDENT: '居民', MERCHANT: '商家', ORGANISATION: '社会组织', COMMUNITY: '社区', GOVERNMENT: '政府' };
export const EXPENSE_STATUS_NAMES: Record<string, string> = { PENDING: '待复核', APPROVED: '已生效', REJECTED: '已驳回' };

export const canPublish = (c: Pick<Campaign, 'status'>) => c.status === 'DRAFT';
/** Only a settled campaign (funded or failed at its deadline) closes. */
export const canClose = (c: Pick<Campaign, 'status'>) => c.status === 'FUNDED' || c.status === 'FAILED';
export const canSpend = (c: Pick<Campaign, 'status'>) => c.status !== 'DRAFT';

export interface DraftForm {
  theme: string; festivalDate: string; mainVenue: string; description: string; deadline: string;
  moneyGoalYuan: string; fundingRule: FundingRule;
}

export function emptyDraft(): DraftForm {
  return { theme: '', festivalDate: '', mainVenue: '', description: '', deadline: '', moneyGoalYuan: '', fundingRule: 'KEEP_WHAT_YOU_RAISE' };
}

/** The first problem of a draft, in the words the form shows; null when it may be sent. */
export function draftError(form: DraftForm, now: number = Date.now()): string | null {
  if (!form.theme.trim()) return '请填写主题';
  if (form.theme.trim().length > 60) return '主题不能超过 60 个字';
  if (!form.festivalDate) return '请选择活动日期';
  if (!form.mainVenue.trim()) return '请填写主会场';
  if (!form.deadline) return '请选择众筹截止时间';
  if (Date.parse(form.deadline) <= now) return '众筹截止时间须晚于现在';
  if (toFen(form.moneyGoalYuan) === null) return '请填写大于 0 的目标金额（元，最多两位小数）';
  return null;
}

export function draftInput(communityId: string, form: DraftForm) {
  return {
    communityId, theme: form.theme.trim(), festivalDate: form.festivalDate, mainVenue: form.mainVenue.trim(),
    description: form.description.trim() || null, deadline: new Date(form.deadline).toISOString(),
    moneyGoalFen: toFen(form.moneyGoalYuan) as number, fundingRule: form.fundingRule,
  };
}

export function expenseError(category: string, amountYuan: string, receipt: string | null): string | null {
  if (!category.trim()) return '请填写支出类别';
  if (category.trim().length > 30) return '支出类别不能超过 30 个字';
  if (toFen(amountYuan) === null) return '请填写大于 0 的金额（元，最多两位小数）';
  if (!receipt) return '请上传票据照片';
  return null;
}

/** The thermometer: percent of the goal reached (capped at 100 for the bar, the text says the real figure). */
export function thermometer(progress: { totalFen: number; moneyGoalFen: number }): { percent: number; text: string } {
  const real = progress.moneyGoalFen > 0 ? Math.floor((progress.totalFen * 100) / progress.moneyGoalFen) : 0;
  return { percent: Math.min(100, real), text: `已筹 ¥${yuan(progress.totalFen)} / 目标 ¥${yuan(progress.moneyGoalFen)}（${real}%）` };
}

/** A live progress update lands on the campaign it is about. */
export function applyProgress(campaign: Campaign, update: ProgressUpdate): Campaign {
  return { ...campaign, progress: { ...campaign.progress, ...update } };
}

/** Four eyes: a pending expense waits for a staff member other than the one who recorded it. */
export function needsSecondApprover(expense: { status: string }): boolean {
  return expense.status === 'PENDING';
}

export function ledgerCsv(ledger: Ledger): string {
  const rows: unknown[][] = [
    ...ledger.income.map((i) => ['收入', i.at, i.source, CONTRIBUTOR_NAMES[i.contributorKind], yuan(i.amountFen), '']),
    ...ledger.expenses.map((e) => ['支出', e.createdAt, e.category, '', yuan(e.amountFen), EXPENSE_STATUS_NAMES[e.status] ?? e.status]),
  ];
  rows.push(['合计', '', `收入 ${yuan(ledger.incomeFen)}，支出 ${yuan(ledger.expensesFen)}，结余 ${yuan(ledger.balanceFen)}`, '', '', '']);
  return toCsv(['类型', '时间', '来源/类别', '出资方', '金额（元）', '状态'], rows);
}

// ---- items received and volunteers attended ----
export type PledgeToConfirm = CampaignPledgesToConfirmResult['campaignPledgesToConfirm']['edges'][number]['node'];

export const PLEDGE_STATUS_NAMES: Record<string, string> = {
  PLEDGED: '待到货', RECEIVED: '已到货', RELEASED: '已释放', SIGNED_UP: '已报名', ATTENDED: '已到场',
};

/** What a pledge gives, by the campaign's need or role: "折叠椅 2 把", "志愿：签到引导". */
export function pledgeWhat(pledge: { kind: string; needId: string | null; quantity: number | null; roleId: string | null },
                           progress: { items: Array<{ id: string; name: string; unit: string }>; volunteers: Array<{ id: string; name: string }> }): string {
  if (pledge.kind === 'ITEM') {
    const need = progress.items.find((i) => i.id === pledge.needId);
    return need ? `${need.name} ${pledge.quantity ?? ''} ${need.unit}` : `物资 ${pledge.quantity ?? ''}`;
  }
  const role = progress.volunteers.find((r) => r.id === pledge.roleId);
  return `志愿：${role?.name ?? '岗位'}`;
}
