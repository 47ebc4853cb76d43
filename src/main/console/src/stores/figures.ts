import type { OrderStatus } from '../generated/operations';
import type { BoardOrder } from './board';
import { STATUS_NAMES } from './board';
import { toCsv } from '../api/files';

// 数据: a month's order figures, computed in the browser from the community's orders the dispatch board already
// reads (dispatchQueue with timelines) — no figures endpoint is needed for them — and the month's orders as a CSV
// file. Months are Beijing time (UTC+8), as staff count them.
const BEIJING_MS = 8 * 3600_000;

export function monthOf(iso: string): string {
  return new Date(Date.parse(iso) + BEIJING_MS).toISOString().slice(0, 7);
}

export function inMonth(orders: BoardOrder[], month: string): BoardOrder[] {
  return orders.filter((o) => monthOf(o.createdAt) === month);
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Minutes from the order's placing to the first time it reached `status`, or null if it never did. */
export function minutesTo(order: BoardOrder, status: OrderStatus): number | null {
  const step = order.timeline.find((t) => t.to === status);
  return step ? Math.round((Date.parse(step.at) - Date.parse(order.createdAt)) / 60_000) : null;
}

export interface MonthFigures {
  total: number;
  byCategory: Array<{ name: string; count: number }>;
  byStatus: Array<{ name: string; count: number }>;
  medianMinutesToAccept: number | null;
  medianMinutesToComplete: number | null;
  satisfaction: number | null;
  ratedCount: number;
  redispatchRate: number | null;
  escalationRate: number | null;
}

const rate = (part: number, whole: number) => (whole ? part / whole : null);
const present = (v: number | null): v is number => v !== null;

export function monthFigures(all: BoardOrder[], month: string): MonthFigures {
  const orders = inMonth(all, month);
  const count = (key: (o: BoardOrder) => string) => {
    const counts = new Map<string, number>();
    for (const o of orders) counts.set(key(o), (counts.get(key(o)) ?? 0) + 1);
    return [...counts].map(([name, n]) => ({ name, count: n })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  };
  const rated = orders.filter((o) => o.rating);
  const scores = rated.map((o) => (o.rating!.quality + o.rating!.punctuality + o.rating!.attitude) / 3);
  const dispatched = orders.filter((o) => o.timeline.some((t) => t.to === 'DISPATCHED'));
  const redispatched = dispatched.filter((o) => o.timeline.filter((t) => t.to === 'DISPATCHED').length > 1);
  return {
    total: orders.length,
    byCategory: count((o) => o.category.name),
    byStatus: count((o) => STATUS_NAMES[o.status]),
    medianMinutesToAccept: median(orders.map((o) => minutesTo(o, 'ACCEPTED')).filter(present)),
    medianMinutesToComplete: median(orders.map((o) => minutesTo(o, 'COMPLETED')).filter(present)),
    satisfaction: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null,
    ratedCount: rated.length,
    redispatchRate: rate(redispatched.length, dispatched.length),
    escalationRate: rate(orders.filter((o) => o.escalated).length, orders.length),
  };
}

/** The months that have orders, newest first, always including the current one. */
export function monthsWithOrders(orders: BoardOrder[], now: number = Date.now()): string[] {
  return [...new Set([monthOf(new Date(now).toISOString()), ...orders.map((o) => monthOf(o.createdAt))])].sort().reverse();
}

export function percent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 1000) / 10}%`;
}

export function duration(minutes: number | null): string {
  if (minutes === null) return '—';
  return minutes < 60 ? `${Math.round(minutes)} 分钟` : `${Math.round(minutes / 6) / 10} 小时`;
}

/** The month's orders as a table (header and rows), oldest first: written as .xlsx or .csv. */
export function ordersTable(all: BoardOrder[], month: string): { headers: string[]; rows: unknown[][] } {
  const rows = inMonth(all, month)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((o) => [o.id, o.createdAt, o.category.name, STATUS_NAMES[o.status], o.urgency === 'URGENT' ? '紧急' : '普通',
      o.escalated ? '是' : '否', o.household?.label ?? '', o.description, o.partner?.name ?? '',
      minutesTo(o, 'ACCEPTED') ?? '', minutesTo(o, 'COMPLETED') ?? '',
      o.rating ? o.rating.quality : '', o.rating ? o.rating.punctuality : '', o.rating ? o.rating.attitude : '']);
  return { headers: ['工单号', '下单时间', '类别', '状态', '紧急程度', '已升级', '房屋', '需求描述', '服务方',
    '接单用时（分钟）', '完成用时（分钟）', '质量评分', '守时评分', '态度评分'], rows };
}

export function ordersCsv(all: BoardOrder[], month: string): string {
  const { headers, rows } = ordersTable(all, month);
  return toCsv(headers, rows);
}

// ---- time bank and festival money by month ----
export const MOVEMENT_NAMES: Record<string, string> = {
  EARN_ORDER: '服务工单获得', EARN_VOLUNTEER: '志愿活动获得', GRANT: '社区奖励', POOL_GRANT: '公益池发放', TRANSFER: '家庭转赠',
  DONATE: '捐入公益池', OVERFLOW: '超上限转入公益池', REDEEM: '兑换', VOUCHER_RETURN: '兑换券退回', VOUCHER_SETTLE: '兑换券结算',
  HOLD: '积分支付冻结', HOLD_RETURN: '积分支付退回', HOLD_PAY: '积分支付', EXPIRE: '过期', CORRECTION: '更正',
};

export interface StatementLine { id: string; at: string; kind: string; description: string; points: number }

export function statementTable(lines: StatementLine[]): { headers: string[]; rows: unknown[][] } {
  return { headers: ['流水号', '时间', '类型', '说明', '积分'],
    rows: lines.map((l) => [l.id, l.at, MOVEMENT_NAMES[l.kind] ?? l.kind, l.description, l.points]) };
}

export function timeBankStatementCsv(lines: StatementLine[]): string {
  const { headers, rows } = statementTable(lines);
  return toCsv(headers, rows);
}

interface LedgerLike {
  income: Array<{ amountFen: number; at: string }>;
  expenses: Array<{ amountFen: number; createdAt: string; status: string }>;
}

/** Festival money of a month across the community's campaigns: received, and approved expenses paid out. */
export function festivalMoney(ledgers: LedgerLike[], month: string): { inFen: number; outFen: number } {
  let inFen = 0;
  let outFen = 0;
  for (const ledger of ledgers) {
    for (const income of ledger.income) if (monthOf(income.at) === month) inFen += income.amountFen;
    for (const expense of ledger.expenses) if (expense.status === 'APPROVED' && monthOf(expense.createdAt) === month) outFen += expense.amountFen;
  }
  return { inFen, outFen };
}
