import { describe, expect, it } from 'vitest';
import {
  canMerge, canOrder, canPutOnAgenda, canTriage, contactPhoneError, emptyNeedFilters, filterInput, KIND_NAMES,
  LEVEL_NAMES, mergeTargets, nextMeeting, replaceNeed, type BoardNeed,
} from '../src/stores/needs';

function need(id: string, over: Partial<BoardNeed> = {}): BoardNeed {
  return {
    id, description: '楼道灯坏了', placeName: '锦江苑 3栋', photoUrls: [], status: 'SUBMITTED', statusName: '待分流',
    kind: null, kindName: null, level: null, levelName: null, dueAt: null, overdue: false, escalated: false,
    escalatedAt: null, collectedByStaff: false, supporterCount: 1, mergedIntoId: null, orderId: null,
    createdAt: '2026-12-02T08:00:00Z', updatedAt: '2026-12-02T08:00:00Z', household: { id: 'h1', label: '3栋501' },
    community: { id: 'c1', name: '锦城社区' }, meeting: null, timeline: [],
    ...over,
  } as BoardNeed;
}

describe('triage board store', () => {
  it('five kinds, two levels, in Chinese', () => {
    expect(Object.values(KIND_NAMES)).toEqual(['大事', '实事', '要事', '急事', '难事']);
    expect(Object.values(LEVEL_NAMES)).toEqual(['一般', '紧急']);
  });

  it('turns the board filters into the server filter, null when none', () => {
    expect(filterInput(emptyNeedFilters())).toBeNull();
    expect(filterInput({ status: 'TRIAGED', kind: 'URGENT', level: '', overdue: 'yes' }))
      .toEqual({ status: 'TRIAGED', kind: 'URGENT', overdue: true });
    expect(filterInput({ ...emptyNeedFilters(), overdue: 'no' })).toEqual({ overdue: false });
  });

  it('offers only what the server allows in each state (as NeedLifecycle)', () => {
    expect(canTriage(need('1'))).toBe(true);
    expect(canTriage(need('1', { status: 'TRIAGED' }))).toBe(true);
    expect(canTriage(need('1', { status: 'ORDERED' }))).toBe(false);
    expect(canMerge(need('1', { status: 'MERGED' }))).toBe(false);
    expect(canOrder(need('1', { status: 'TRIAGED', kind: 'PRACTICAL' }))).toBe(true);
    expect(canOrder(need('1', { status: 'TRIAGED', kind: 'MAJOR' }))).toBe(false);
    expect(canOrder(need('1', { status: 'SUBMITTED', kind: 'PRACTICAL' }))).toBe(false);
    expect(canPutOnAgenda(need('1', { status: 'TRIAGED', kind: 'MAJOR' }))).toBe(true);
    expect(canPutOnAgenda(need('1', { status: 'TRIAGED', kind: 'DIFFICULT' }))).toBe(true);
    expect(canPutOnAgenda(need('1', { status: 'TRIAGED', kind: 'URGENT' }))).toBe(false);
    expect(canPutOnAgenda(need('1', { status: 'ON_AGENDA', kind: 'MAJOR' }))).toBe(false);
  });

  it('a duplicate merges into another open need, never itself', () => {
    const needs = [need('1'), need('2', { status: 'TRIAGED' }), need('3', { status: 'RESOLVED' }), need('4', { status: 'MERGED' })];
    expect(mergeTargets(needs, needs[0]).map((n) => n.id)).toEqual(['2']);
  });

  it('the next joint meeting is the earliest from today on', () => {
    const meetings = [
      { id: 'm1', title: '十一月联席会议', meetsOn: '2026-11-20' },
      { id: 'm3', title: '一月联席会议', meetsOn: '2027-01-10' },
      { id: 'm2', title: '十二月联席会议', meetsOn: '2026-12-02' },
    ];
    expect(nextMeeting(meetings, '2026-12-02')?.id).toBe('m2');
    expect(nextMeeting(meetings, '2026-12-03')?.id).toBe('m3');
    expect(nextMeeting(meetings, '2027-02-01')).toBeNull();
  });

  it('a need the server returned replaces the row, or leaves a board filtered to another status', () => {
    const board = [need('1'), need('2')];
    const triaged = need('1', { status: 'TRIAGED', kind: 'URGENT', level: 'URGENT', dueAt: '2026-12-03T08:00:00Z' });
    expect(replaceNeed(board, triaged, emptyNeedFilters()).map((n) => [n.id, n.status])).toEqual([['1', 'TRIAGED'], ['2', 'SUBMITTED']]);
    expect(replaceNeed(board, triaged, { ...emptyNeedFilters(), status: 'SUBMITTED' }).map((n) => n.id)).toEqual(['2']);
  });

  it('the order contact phone is digits and dashes, as the server checks it', () => {
    expect(contactPhoneError('')).toBe('请填写联系电话');
    expect(contactPhoneError('1234')).toBe('电话号码格式不正确');
    expect(contactPhoneError('028-8888 1234')).toBe('电话号码格式不正确');
    expect(contactPhoneError(' 13800000001 ')).toBeNull();
  });
});
