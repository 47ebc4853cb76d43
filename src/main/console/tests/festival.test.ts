import { describe, expect, it } from 'vitest';
import {
  applyProgress, canClose, canPublish, canSpend, draftError, draftInput, emptyDraft, expenseError, ledgerCsv,
  needsSecondApprover, thermometer, type Campaign, type Ledger,
} from '../src/stores/festival';

const NOW = Date.parse('2026-12-02T10:00:00Z');
const valid = { ...emptyDraft(), theme: '迎新春邻里节', festivalDate: '2027-01-20', mainVenue: '社区广场', deadline: '2027-01-10T12:00:00Z', moneyGoalYuan: '3000.5' };

describe('festival', () => {
  it('checks a draft in the order of the form', () => {
    expect(draftError(emptyDraft(), NOW)).toBe('请填写主题');
    expect(draftError({ ...valid, theme: 'x'.repeat(61) }, NOW)).toBe('主题不能超过 60 个字');
    expect(draftError({ ...valid, deadline: '2026-12-01T00:00:00Z' }, NOW)).toBe('众筹截止时间须晚于现在');
    expect(draftError({ ...valid, moneyGoalYuan: '12.345' }, NOW)).toContain('目标金额');
    expect(draftError(valid, NOW)).toBeNull();
    expect(draftInput('c1', valid)).toMatchObject({ communityId: 'c1', moneyGoalFen: 300050, description: null, deadline: '2027-01-10T12:00:00.000Z' });
  });

  it('offers publish on a draft, close on a settled campaign, spending once published', () => {
    expect(canPublish({ status: 'DRAFT' })).toBe(true);
    expect(canPublish({ status: 'OPEN' })).toBe(false);
    expect(canClose({ status: 'OPEN' })).toBe(false);
    expect(canClose({ status: 'FUNDED' })).toBe(true);
    expect(canClose({ status: 'FAILED' })).toBe(true);
    expect(canSpend({ status: 'DRAFT' })).toBe(false);
  });

  it('an expense needs a category, a positive amount and a receipt; a pending one waits for a second staff member', () => {
    expect(expenseError('', '10', 'p1')).toBe('请填写支出类别');
    expect(expenseError('物料', '0', 'p1')).toContain('金额');
    expect(expenseError('物料', '800', null)).toBe('请上传票据照片');
    expect(expenseError('物料', '800', 'p1')).toBeNull();
    expect(needsSecondApprover({ status: 'PENDING' })).toBe(true);
    expect(needsSecondApprover({ status: 'APPROVED' })).toBe(false);
  });

  it('the thermometer caps its bar at 100% and says the real figure', () => {
    expect(thermometer({ totalFen: 150000, moneyGoalFen: 300000 })).toEqual({ percent: 50, text: '已筹 ¥1500.00 / 目标 ¥3000.00（50%）' });
    expect(thermometer({ totalFen: 450000, moneyGoalFen: 300000 }).percent).toBe(100);
    expect(thermometer({ totalFen: 450000, moneyGoalFen: 300000 }).text).toContain('150%');
    expect(thermometer({ totalFen: 0, moneyGoalFen: 0 }).percent).toBe(0);
  });

  it('a live progress update lands on the campaign', () => {
    const campaign = { id: '1', progress: { totalFen: 0, moneyGoalFen: 100, supporters: 0, items: [] } } as unknown as Campaign;
    const updated = applyProgress(campaign, { totalFen: 60, moneyGoalFen: 100, supporters: 2, moneyRaisedFen: 60, matchedFen: 0 });
    expect(updated.progress).toMatchObject({ totalFen: 60, supporters: 2, items: [] });
  });

  it('exports the public ledger as CSV with a BOM, income and expenses', () => {
    const ledger = {
      incomeFen: 100000, expensesFen: 20000, pendingExpensesFen: 60000, balanceFen: 80000,
      income: [{ source: '张阿姨', contributorKind: 'RESIDENT', amountFen: 100000, at: '2026-12-01T00:00:00Z' }],
      expenses: [{ id: 'x', category: '物料, 布置', amountFen: 60000, receiptUrl: null, note: null, status: 'PENDING', createdAt: '2026-12-02T00:00:00Z' }],
    } as unknown as Ledger;
    const csv = ledgerCsv(ledger);
    expect(csv.startsWith('\uFEFF类型,时间,来源/类别,出资方,金额（元）,状态\r\n')).toBe(true);
    expect(csv).toContain('收入,2026-12-01T00:00:00Z,张阿姨,居民,1000.00,');
    expect(csv).toContain('支出,2026-12-02T00:00:00Z,"物料, 布置",,600.00,待复核');
    expect(csv).toContain('结余 800.00');
  });
});

describe('pledges to confirm', () => {
  it('says what each pledge gives by its need or role', async () => {
    const { pledgeWhat, PLEDGE_STATUS_NAMES } = await import('../src/stores/festival');
    const progress = { items: [{ id: 'n1', name: '折叠椅', unit: '把' }], volunteers: [{ id: 'r1', name: '签到引导' }] };
    expect(pledgeWhat({ kind: 'ITEM', needId: 'n1', quantity: 2, roleId: null }, progress)).toBe('折叠椅 2 把');
    expect(pledgeWhat({ kind: 'TIME', needId: null, quantity: null, roleId: 'r1' }, progress)).toBe('志愿：签到引导');
    expect(pledgeWhat({ kind: 'TIME', needId: null, quantity: null, roleId: 'gone' }, progress)).toBe('志愿：岗位');
    expect(PLEDGE_STATUS_NAMES.SIGNED_UP).toBe('已报名');
  });
});
