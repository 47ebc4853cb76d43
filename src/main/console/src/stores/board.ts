import type { DispatchQueueResult, OrderStatus, Urgency } from '../generated/operations';

// The dispatch board's state, kept apart from the page so its rules are tested on node: which orders match the
// filters, how a live change moves an order, which accept deadlines are overdue.
export type BoardOrder = DispatchQueueResult['dispatchQueue']['edges'][number]['node'];

export interface BoardFilters { status: OrderStatus | ''; urgency: Urgency | ''; escalated: '' | 'yes' | 'no'; category: string }

export const STATUS_NAMES: Record<OrderStatus, string> = {
  SUBMITTED: '待派单', DISPATCHED: '已派单', ACCEPTED: '已接单', IN_SERVICE: '服务中', COMPLETED: '待确认',
  CONFIRMED: '已完成', CANCELLED: '已取消',
};

export function emptyFilters(): BoardFilters {
  return { status: '', urgency: '', escalated: '', category: '' };
}

/** A change from the dispatchBoard subscription replaces the order or adds it (newest changes win by updatedAt). */
export function applyChange(orders: BoardOrder[], change: Partial<BoardOrder> & { id: string; updatedAt: string }): BoardOrder[] {
  const index = orders.findIndex((order) => order.id === change.id);
  if (index < 0) return [...orders, change as BoardOrder];
  if (orders[index].updatedAt > change.updatedAt) return orders;
  const next = orders.slice();
  next[index] = { ...orders[index], ...change } as BoardOrder;
  return next;
}

export function matches(order: BoardOrder, filters: BoardFilters): boolean {
  return (!filters.status || order.status === filters.status)
    && (!filters.urgency || order.urgency === filters.urgency)
    && (!filters.escalated || order.escalated === (filters.escalated === 'yes'))
    && (!filters.category || order.category.code === filters.category);
}

/** Dispatched but not accepted in time: the partner let the deadline pass, staff should act. */
export function isOverdue(order: BoardOrder, now: number): boolean {
  return order.status === 'DISPATCHED' && !!order.acceptDeadline && Date.parse(order.acceptDeadline) < now;
}

/** Urgent and escalated first, then overdue, then oldest: what staff should look at first. */
export function visibleOrders(orders: BoardOrder[], filters: BoardFilters, now: number): BoardOrder[] {
  const weight = (o: BoardOrder) => (o.escalated ? 4 : 0) + (o.urgency === 'URGENT' ? 2 : 0) + (isOverdue(o, now) ? 1 : 0);
  return orders.filter((o) => matches(o, filters))
    .sort((a, b) => weight(b) - weight(a) || a.createdAt.localeCompare(b.createdAt));
}

export function canDispatch(order: BoardOrder): boolean {
  return order.status === 'SUBMITTED' || (order.status === 'DISPATCHED' && !!order.acceptDeadline);
}

export function canCancel(order: BoardOrder): boolean {
  return !['COMPLETED', 'CONFIRMED', 'CANCELLED'].includes(order.status);
}
