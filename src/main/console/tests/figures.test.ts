import { describe, expect, it } from 'vitest';
import { duration, median, minutesTo, monthFigures, monthOf, monthsWithOrders, ordersCsv, percent } from '../src/stores/figures';
import { csvCell, toFen, yuan } from '../src/api/files';
import type { BoardOrder } from '../src/stores/board';

const step = (to: string, at: string) => ({ id: at, at, actorKind: 'STAFF', actor: null, from: null, to, partner: null, reason: null });
function order(id: string, createdAt: string, over: Partial<BoardOrder> = {}): BoardOrder {
  return { id, status: 'SUBMITTED', urgency: 'NORMAL', escalated: false, category: { code: 'REPAIR', name: '维修' },
    household: { id: 'h', label: '1栋101' }, description: '漏水', partner: null, rating: null, createdAt, updatedAt: createdAt,
    timeline: [], ...over } as unknown as BoardOrder;
}

const orders = [
  order('1', '2026-11-30T17:00:00Z', { status: 'CONFIRMED', partner: { id: 'p', name: '王师傅' } as any,
    rating: { quality: 5, punctuality: 4, attitude: 5, comment: null },
    timeline: [step('DISPATCHED', '2026-11-30T17:10:00Z'), step('ACCEPTED', '2026-11-30T17:30:00Z'), step('COMPLETED', '2026-11-30T19:00:00Z')] as any }),
  order('2', '2026-12-02T01:00:00Z', { status: 'ACCEPTED', escalated: true, category: { code: 'CLEAN', name: '保洁' },
    timeline: [step('DISPATCHED', '2026-12-02T01:05:00Z'), step('SUBMITTED', '2026-12-02T02:00:00Z'), step('DISPATCHED', '2026-12-02T02:10:00Z'), step('ACCEPTED', '2026-12-02T02:40:00Z')] as any }),
  order('3', '2026-11-20T01:00:00Z'),
];

describe('figures', () => {
  it('counts months in Beijing time', () => {
    expect(monthOf('2026-11-30T17:00:00Z')).toBe('2026-12');
    expect(monthOf('2026-11-30T15:59:00Z')).toBe('2026-11');
    expect(monthsWithOrders(orders, Date.parse('2026-12-02T00:00:00Z'))).toEqual(['2026-12', '2026-11']);
  });

  it('takes medians and minutes to a status from the timeline', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(minutesTo(orders[0], 'ACCEPTED')).toBe(30);
    expect(minutesTo(orders[2], 'ACCEPTED')).toBeNull();
  });

  it('figures a month: by category and status, medians, satisfaction, re-dispatch and escalation rates', () => {
    const f = monthFigures(orders, '2026-12');
    expect(f.total).toBe(2);
    expect(f.byCategory).toEqual([{ name: '保洁', count: 1 }, { name: '维修', count: 1 }]);
    expect(f.byStatus.map((s) => s.name).sort()).toEqual(['已接单', '已完成'].sort());
    expect(f.medianMinutesToAccept).toBe(65);
    expect(f.medianMinutesToComplete).toBe(120);
    expect(f.satisfaction).toBe(4.7);
    expect(f.redispatchRate).toBe(0.5);
    expect(f.escalationRate).toBe(0.5);
    expect(monthFigures(orders, '2026-11').total).toBe(1);
    expect(monthFigures([], '2026-10')).toMatchObject({ total: 0, satisfaction: null, redispatchRate: null });
  });

  it('writes the month orders as CSV, oldest first', () => {
    const csv = ordersCsv(orders, '2026-12');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('\uFEFF工单号,下单时间,类别,状态,紧急程度,已升级,房屋,需求描述,服务方,接单用时（分钟）,完成用时（分钟）,质量评分,守时评分,态度评分');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('1,2026-11-30T17:00:00Z,维修,已完成,普通,否,1栋101,漏水,王师傅,30,120,5,4,5');
  });

  it('formats rates and durations in Chinese', () => {
    expect(percent(null)).toBe('—');
    expect(percent(0.123)).toBe('12.3%');
    expect(duration(45)).toBe('45 分钟');
    expect(duration(150)).toBe('2.5 小时');
  });
});

describe('files', () => {
  it('quotes CSV cells that need it and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('-12.5')).toBe('-12.5');
    expect(csvCell(null)).toBe('');
  });

  it('converts between yuan and fen', () => {
    expect(yuan(123456)).toBe('1234.56');
    expect(toFen('12.3')).toBe(1230);
    expect(toFen('0')).toBeNull();
    expect(toFen('1.234')).toBeNull();
    expect(toFen('abc')).toBeNull();
  });
});

describe('photo uploads ask for the privacy consent once', () => {
  it('retries after consent, and gives up without it or on other errors', async () => {
    const { withConsent } = await import('../src/api/files');
    const { ApiError } = await import('../src/api/errors');
    let calls = 0;
    const run = async () => { if (calls++ === 0) throw new ApiError('请先阅读并同意最新的隐私保护指引', 'PRIVACY_CONSENT_REQUIRED'); return 'photo-1'; };
    await expect(withConsent(run, async () => true)).resolves.toBe('photo-1');
    calls = 0;
    await expect(withConsent(run, async () => false)).rejects.toThrow('请先阅读并同意最新的隐私保护指引');
    let asked = false;
    await expect(withConsent(async () => { throw new ApiError('图片太大', 'PAYLOAD_TOO_LARGE'); }, async () => (asked = true)))
      .rejects.toThrow('图片太大');
    expect(asked).toBe(false);
  });
});

describe('time bank and festival figures', () => {
  it('writes the time-bank statement with Chinese kinds', async () => {
    const { timeBankStatementCsv } = await import('../src/stores/figures');
    const csv = timeBankStatementCsv([{ id: '9', at: '2026-12-01T02:00:00Z', kind: 'POOL_GRANT', description: '独居老人帮扶', points: 40 }]);
    expect(csv).toBe('\uFEFF流水号,时间,类型,说明,积分\r\n9,2026-12-01T02:00:00Z,公益池发放,独居老人帮扶,40\r\n');
  });

  it('sums festival money in and approved money out within the month', async () => {
    const { festivalMoney } = await import('../src/stores/figures');
    const ledgers = [
      { income: [{ amountFen: 1000, at: '2026-12-01T00:00:00Z' }, { amountFen: 500, at: '2026-11-01T00:00:00Z' }],
        expenses: [{ amountFen: 300, createdAt: '2026-12-02T00:00:00Z', status: 'APPROVED' }, { amountFen: 900, createdAt: '2026-12-02T00:00:00Z', status: 'PENDING' }] },
      { income: [{ amountFen: 200, at: '2026-12-05T00:00:00Z' }], expenses: [] },
    ];
    expect(festivalMoney(ledgers, '2026-12')).toEqual({ inFen: 1200, outFen: 300 });
    expect(festivalMoney(ledgers, '2026-11')).toEqual({ inFen: 500, outFen: 0 });
  });
});
