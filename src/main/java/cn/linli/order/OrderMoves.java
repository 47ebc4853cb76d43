package cn.linli.order;

import cn.linli.partner.PartnerMember;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalEventPublisher;
import reactor.core.publisher.Mono;

/**
 * The steps every transition shares, inside its caller's transaction: lock the order and check the viewer may touch
 * it, make the conditional update the lifecycle allows and record it in the timeline, publish the change once.
 */
@Component
class OrderMoves {

    private final OrderRepository orders;
    private final OrderTimeline timeline;
    private final OfferRepository offers;
    private final OrderAccess access;
    private final TransactionalEventPublisher events;

    OrderMoves(OrderRepository orders, OrderTimeline timeline, OfferRepository offers, OrderAccess access,
               TransactionalEventPublisher events) {
        this.orders = orders;
        this.timeline = timeline;
        this.offers = offers;
        this.access = access;
        this.events = events;
    }

    /** Locks the order ({@code input.orderId}) and its community's dispatch lock, if the viewer may see it. */
    Mono<ServiceOrder> lockVisible(OrderAccess.Scope scope, String orderId) {
        return Mono.defer(() -> orders.lock(Ids.parse(orderId, "input.orderId")))
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("订单")))
                .flatMap(order -> access.canSee(scope, order)
                        .flatMap(visible -> visible ? Mono.just(order) : lostOrForbidden(order, scope.member())));
    }

    /**
     * Checks the action against the lifecycle, runs its conditional {@code update} and records the transition;
     * ORDER_INVALID_TRANSITION when the lifecycle (or, in a race, the database) refuses.
     */
    Mono<ServiceOrder> move(ServiceOrder before, OrderAction action, Actor actor, @Nullable String reason,
                            Mono<ServiceOrder> update) {
        return Mono.defer(() -> {
            OrderLifecycle.check(action, before.status(), actor.kind());
            return update.switchIfEmpty(Mono.error(() -> OrderLifecycle.invalidTransition(before.status())))
                    .flatMap(after -> timeline.record(before.id(), actor, before.status(), after.status(),
                            after.partnerId(), reason).thenReturn(after));
        });
    }

    /** Publishes the change once; subscribers hear of it after commit (never for a rolled-back attempt). */
    Mono<ServiceOrder> published(ServiceOrder order, OrderChange.Builder change) {
        return events.publishEvent(change.build(order)).thenReturn(order);
    }

    /** The change a transition makes known: its partner's inbox (if any) hears the order was updated. */
    static OrderChange.Builder changeOf(ServiceOrder order) {
        OrderChange.Builder change = new OrderChange.Builder();
        if (order.partnerId() != null) {
            change.notify(order.partnerId(), InboxKind.UPDATED);
        }
        return change;
    }

    /**
     * Why a partner member cannot touch an order it no longer sees: another partner grabbed it first, or its own
     * accept deadline passed. Anyone else simply may not.
     */
    private Mono<ServiceOrder> lostOrForbidden(ServiceOrder order, @Nullable PartnerMember member) {
        if (member == null) {
            return Mono.error(LinliException.forbidden());
        }
        return offers.historyOf(order.id(), member.partnerId()).flatMap(history -> Mono.error(
                history.expired() ? new LinliException(ErrorCode.ORDER_ACCEPT_EXPIRED)
                        : history.offered() ? new LinliException(ErrorCode.ORDER_ALREADY_TAKEN)
                        : LinliException.forbidden()));
    }
}
