package cn.linli.order;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;

import static cn.linli.order.ActorKind.PARTNER;
import static cn.linli.order.ActorKind.RESIDENT;
import static cn.linli.order.ActorKind.STAFF;
import static cn.linli.order.ActorKind.SYSTEM;
import static cn.linli.order.OrderStatus.ACCEPTED;
import static cn.linli.order.OrderStatus.CANCELLED;
import static cn.linli.order.OrderStatus.COMPLETED;
import static cn.linli.order.OrderStatus.CONFIRMED;
import static cn.linli.order.OrderStatus.DISPATCHED;
import static cn.linli.order.OrderStatus.IN_SERVICE;
import static cn.linli.order.OrderStatus.SUBMITTED;

/**
 * The order state machine, in one table: for each {@link OrderAction}, the states it leaves from (per kind of actor)
 * and the state it leads to. Services ask {@link #check} before they act; the repository's conditional updates bind
 * {@link #sourcesOf} and {@link #targetOf}, so the database guards the same rule (and decides races). Which actor a
 * viewer is for a given order is {@link OrderAccess}'s business, not this table's.
 */
final class OrderLifecycle {

    /** Where a new order starts. */
    static final OrderStatus INITIAL = SUBMITTED;

    private record Transition(OrderStatus to, Map<ActorKind, Set<OrderStatus>> from) {
    }

    private static final Map<OrderAction, Transition> TABLE = new EnumMap<>(OrderAction.class);

    static {
        rule(OrderAction.DISPATCH, DISPATCHED, Map.of(STAFF, EnumSet.of(SUBMITTED), SYSTEM, EnumSet.of(SUBMITTED)));
        rule(OrderAction.ACCEPT, ACCEPTED, Map.of(PARTNER, EnumSet.of(DISPATCHED)));
        rule(OrderAction.DECLINE, SUBMITTED, Map.of(PARTNER, EnumSet.of(DISPATCHED)));
        rule(OrderAction.DECLINE_OFFER, DISPATCHED, Map.of(PARTNER, EnumSet.of(DISPATCHED)));
        rule(OrderAction.EXPIRE, SUBMITTED, Map.of(SYSTEM, EnumSet.of(DISPATCHED)));
        rule(OrderAction.ESCALATE, SUBMITTED, Map.of(SYSTEM, EnumSet.of(SUBMITTED, DISPATCHED)));
        rule(OrderAction.START, IN_SERVICE, Map.of(PARTNER, EnumSet.of(ACCEPTED)));
        rule(OrderAction.COMPLETE, COMPLETED, Map.of(PARTNER, EnumSet.of(IN_SERVICE)));
        rule(OrderAction.CONFIRM, CONFIRMED, Map.of(RESIDENT, EnumSet.of(COMPLETED)));
        rule(OrderAction.AUTO_CONFIRM, CONFIRMED, Map.of(SYSTEM, EnumSet.of(COMPLETED)));
        // residents may withdraw only until a partner has said yes; staff until the resident has confirmed
        rule(OrderAction.CANCEL, CANCELLED, Map.of(RESIDENT, EnumSet.of(SUBMITTED, DISPATCHED),
                STAFF, EnumSet.of(SUBMITTED, DISPATCHED, ACCEPTED, IN_SERVICE, COMPLETED)));
    }

    private static void rule(OrderAction action, OrderStatus to, Map<ActorKind, Set<OrderStatus>> from) {
        TABLE.put(action, new Transition(to, Map.copyOf(from)));
    }

    /** The state the action leads to. */
    static OrderStatus targetOf(OrderAction action) {
        return TABLE.get(action).to();
    }

    /** Every state the action may start from, whoever acts: the SQL guard of its conditional update. */
    static Set<OrderStatus> sourcesOf(OrderAction action) {
        Set<OrderStatus> sources = EnumSet.noneOf(OrderStatus.class);
        TABLE.get(action).from().values().forEach(sources::addAll);
        return sources;
    }

    /** The states this kind of actor may take the action from; empty when it may not take it at all. */
    static Set<OrderStatus> sourcesOf(OrderAction action, ActorKind actor) {
        return TABLE.get(action).from().getOrDefault(actor, Set.of());
    }

    /** Whether this kind of actor ever takes the action. */
    static boolean mayAct(OrderAction action, ActorKind actor) {
        return TABLE.get(action).from().containsKey(actor);
    }

    static boolean allows(OrderAction action, OrderStatus from, ActorKind actor) {
        return sourcesOf(action, actor).contains(from);
    }

    /**
     * Refuses what the table does not allow: {@code FORBIDDEN} when this kind of actor never takes the action,
     * {@code ORDER_INVALID_TRANSITION} when it may, but not from this state.
     */
    static void check(OrderAction action, OrderStatus from, ActorKind actor) {
        if (!mayAct(action, actor)) {
            throw LinliException.forbidden();
        }
        if (!allows(action, from, actor)) {
            throw invalidTransition(from);
        }
    }

    static LinliException invalidTransition(OrderStatus status) {
        return new LinliException(ErrorCode.ORDER_INVALID_TRANSITION,
                "订单当前状态（" + status.displayName() + "）不允许此操作", Map.of("status", status.name()), null);
    }

    private OrderLifecycle() {
    }
}
