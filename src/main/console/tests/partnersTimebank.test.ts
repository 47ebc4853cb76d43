import { describe, expect, it } from 'vitest';
import { answerFor, contractedPartnerIds, contractError, partnerReasonError, score, type Application } from '../src/stores/partners';
import { activityError, grantError, minutesError, newIdempotencyKey, reconciliationText, rulesError } from '../src/stores/timebank';

const application = (id: string, status: string, partner: string | null, community = 'c1') => ({
  id, partner: partner ? { id: partner, name: 'P' + partner } : null,
  communities: [{ community: { id: community, name: '锦城社区' }, status, reason: null }],
} as unknown as Application);

describe('partners', () => {
  it('reads this community answer and the contracted partners, each once', () => {
    const apps = [application('1', 'APPROVED', 'p1'), application('2', 'APPROVED', 'p1'), application('3', 'PENDING', null),
      application('4', 'APPROVED', 'p2', 'other')];
    expect(answerFor(apps[2], 'c1')?.status).toBe('PENDING');
    expect(answerFor(apps[3], 'c1')).toBeNull();
    expect(contractedPartnerIds(apps, 'c1')).toEqual(['p1']);
  });

  it('adds partners the community lists offerings of (onboarded without an application), each once', () => {
    const apps = [application('1', 'APPROVED', 'p1')];
    expect(contractedPartnerIds(apps, 'c1', ['p9', 'p1', 'p9'])).toEqual(['p1', 'p9']);
  });

  it('a contract needs dates in order and a capacity of 1–1000; a rejection needs a reason', () => {
    expect(contractError({ validFrom: '', validTo: '2027-01-01', capacity: 3 })).toBe('请选择合同起止日期');
    expect(contractError({ validFrom: '2027-02-01', validTo: '2027-01-01', capacity: 3 })).toBe('合同结束日期不能早于开始日期');
    expect(contractError({ validFrom: '2027-01-01', validTo: '2027-12-31', capacity: 0 })).toBe('同时接单上限须在 1 到 1000 之间');
    expect(contractError({ validFrom: '2027-01-01', validTo: '2027-12-31', capacity: 3 })).toBeNull();
    expect(partnerReasonError(' ')).toBe('请填写拒绝理由');
    expect(score(null)).toBe('—');
    expect(score(4.25)).toBe('4.3');
  });
});

describe('time bank', () => {
  const NOW = Date.parse('2026-12-02T10:00:00Z');
  it('checks grants, rules and activities with the server limits', () => {
    expect(grantError({ accountId: 'abc', points: 10, reason: '帮扶' })).toContain('账号编号');
    expect(grantError({ accountId: '12', points: 0, reason: '帮扶' })).toBe('积分须在 1 到 100000 之间');
    expect(grantError({ accountId: '12', points: 10, reason: '' })).toBe('请填写发放原因');
    expect(grantError({ accountId: '12', points: 10, reason: '困难帮扶' })).toBeNull();
    expect(rulesError({ pointsPerHour: 0, storageCap: null, expiryMonths: null })).toBe('每小时积分须在 1 到 1000 之间');
    expect(rulesError({ pointsPerHour: 10, storageCap: null, expiryMonths: 121 })).toBe('积分有效期（月）须在 1 到 120 之间');
    expect(rulesError({ pointsPerHour: 10, storageCap: 5000, expiryMonths: null })).toBeNull();
    const form = { title: '助老', place: '活动室', description: '', startsAt: '2026-12-05T09:00:00Z', endsAt: '2026-12-05T11:00:00Z', slots: 5, pointsPerHour: 10 };
    expect(activityError(form, NOW)).toBeNull();
    expect(activityError({ ...form, endsAt: '2026-12-05T08:00:00Z' }, NOW)).toBe('结束时间须晚于开始时间');
    expect(activityError({ ...form, startsAt: '2026-12-01T09:00:00Z' }, NOW)).toBe('开始时间须晚于现在');
    expect(minutesError(0)).toBe('服务时长（分钟）须在 1 到 1440 之间');
    expect(minutesError(90)).toBeNull();
  });

  it('says whether the books balance, and how many breaks', () => {
    const r = { balanced: true, accountsChecked: 3, transactionsChecked: 9, issuedInCommunity: 120, breaks: [] };
    expect(reconciliationText(r)).toEqual({ ok: true, text: '账目平衡：核对账户 3 个、流水 9 笔，本社区累计发放 120 积分' });
    expect(reconciliationText({ ...r, balanced: false, breaks: ['a', 'b'] }).text).toMatch(/^账目不平衡（2 处）/);
  });

  it('each grant has its own idempotency key within the server length limits', () => {
    const a = newIdempotencyKey(() => 0.1);
    const b = newIdempotencyKey(() => 0.2);
    expect(a).not.toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(8);
    expect(a.length).toBeLessThanOrEqual(100);
  });
});
