import { describe, expect, it } from 'vitest';
import { applyChange, canCancel, canDispatch, emptyFilters, isOverdue, matches, visibleOrders, type BoardOrder } from '../src/stores/board';

const NOW = Date.parse('2026-12-02T10:00:00Z');

function order(id: string, over: Partial<BoardOrder> = {}): BoardOrder {
  return {
    id, status: 'SUBMITTED', urgency: 'NORMAL', escalated: false, dispatchMode: 'STAFF',
    category: { code: 'REPAIR', name: '家电维修' }, offering: null, household: { id: 'h1', label: '1栋101' },
    resident: { id: 'r1', nickname: '张阿姨' }, description: '水管漏水', photoUrls: [], preferredFrom: null,
    preferredTo: null, contactPhone: '13800000001', partner: null, servingMember: null, acceptDeadline: null,
    minutesSpent: null, completionNotes: null, completionPhotoUrls: [], rating: null,
    createdAt: '2026-12-02T08:00:00Z', updatedAt: '2026-12-02T08:00:00Z', timeline: [],
    ...over,
  } as BoardOrder;
}

describe('dispatch board store', () => {
  it('a live change replaces the order, a new one is added, an older change is ignored', () => {
    const orders = [order('1'), order('2')];
    const dispatched = applyChange(orders, { ...order('1'), status: 'DISPATCHED', updatedAt: '2026-12-02T09:00:00Z' });
    expect(dispatched.map((o) => [o.id, o.status])).toEqual([['1', 'DISPATCHED'], ['2', 'SUBMITTED']]);
    expect(applyChange(dispatched, { ...order('1'), status: 'SUBMITTED', updatedAt: '2026-12-02T08:30:00Z' })[0].status).toBe('DISPATCHED');
    expect(applyChange(orders, order('3')).map((o) => o.id)).toEqual(['1', '2', '3']);
  });

  it('filters by status, urgency, escalation and category', () => {
    const urgent = order('1', { urgency: 'URGENT', escalated: true, category: { code: 'CLEAN', name: '保洁' } });
    expect(matches(urgent, { ...emptyFilters(), urgency: 'URGENT' })).toBe(true);
    expect(matches(urgent, { ...emptyFilters(), escalated: 'no' })).toBe(false);
    expect(matches(urgent, { ...emptyFilters(), escalated: 'yes', category: 'CLEAN' })).toBe(true);
    expect(matches(urgent, { ...emptyFilters(), status: 'DISPATCHED' })).toBe(false);
  });

  it('a dispatched order past its accept deadline is overdue and sorts before calm ones', () => {
    const late = order('1', { status: 'DISPATCHED', acceptDeadline: '2026-12-02T09:30:00Z', createdAt: '2026-12-02T09:00:00Z' });
    const onTime = order('2', { status: 'DISPATCHED', acceptDeadline: '2026-12-02T10:30:00Z' });
    const accepted = order('3', { status: 'ACCEPTED', acceptDeadline: '2026-12-02T09:30:00Z' });
    expect([late, onTime, accepted].map((o) => isOverdue(o, NOW))).toEqual([true, false, false]);
    const urgent = order('4', { urgency: 'URGENT', createdAt: '2026-12-02T09:50:00Z' });
    expect(visibleOrders([onTime, late, urgent], emptyFilters(), NOW).map((o) => o.id)).toEqual(['4', '1', '2']);
  });

  it('what staff may do with an order', () => {
    expect(canDispatch(order('1'))).toBe(true);
    expect(canDispatch(order('1', { status: 'ACCEPTED' }))).toBe(false);
    expect(canCancel(order('1', { status: 'IN_SERVICE' }))).toBe(true);
    expect(canCancel(order('1', { status: 'CONFIRMED' }))).toBe(false);
  });
});
