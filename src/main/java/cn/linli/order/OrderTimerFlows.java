package cn.linli.order;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * What the order timers do. Each runs inside the timer's own transaction (platform {@code Timers}), which it joins;
 * the timer is retried by the platform, so there is no retry here. Each is a no-op when the order moved on meanwhile.
 */
@Service
class OrderTimerFlows {

    private final OrderRepository orders;
    private final OrderMoves moves;
    private final Dispatcher dispatcher;
    private final OrderNotices notices;
    private final OrderPoints points;
    private final OrderProperties properties;

    OrderTimerFlows(OrderRepository orders, OrderMoves moves, Dispatcher dispatcher, OrderNotices notices,
                    OrderPoints points, OrderProperties properties) {
        this.orders = orders;
        this.moves = moves;
        this.dispatcher = dispatcher;
        this.notices = notices;
        this.points = points;
        this.properties = properties;
    }

    /** The accept deadline passed: take the order back and send it on (or to staff). No-op if it was answered. */
    @Transactional
    public Mono<Void> expireAcceptDeadline(long orderId) {
        OrderChange.Builder change = new OrderChange.Builder();
        return orders.lock(orderId)
                .filter(order -> OrderLifecycle.allows(OrderAction.EXPIRE, order.status(), ActorKind.SYSTEM)
                        && order.acceptDeadline() != null && !order.acceptDeadline().isAfter(Instant.now()))
                .flatMap(order -> order.partnerId() != null
                        ? dispatcher.redispatch(order, Actor.SYSTEM, OrderAction.EXPIRE, "接单超时", change)
                        : dispatcher.openOffers(order).doOnNext(id -> change.notify(id, InboxKind.WITHDRAWN)).then()
                                .then(dispatcher.escalate(order, "抢单超时无人接单，转社区人工派单")))
                .flatMap(order -> moves.published(order, change))
                .then();
    }

    /** The resident hears that silence will confirm the order soon. No-op once it is confirmed. */
    @Transactional
    public Mono<Void> remindAutoConfirm(long orderId) {
        return orders.findById(orderId)
                .filter(order -> OrderLifecycle.allows(OrderAction.AUTO_CONFIRM, order.status(), ActorKind.SYSTEM))
                .flatMap(order -> notices.tellResident(order, "ORDER_AUTO_CONFIRM_SOON", "服务订单即将自动确认，请及时评价"));
    }

    /** Silence after completion: the order confirms itself (without a rating). No-op if already confirmed. */
    @Transactional
    public Mono<Void> autoConfirm(long orderId) {
        return orders.lock(orderId)
                .filter(order -> OrderLifecycle.allows(OrderAction.AUTO_CONFIRM, order.status(), ActorKind.SYSTEM)
                        && order.completedAt() != null
                        && !order.completedAt().plus(properties.autoConfirmAfter()).isAfter(Instant.now()))
                .flatMap(order -> moves.move(order, OrderAction.AUTO_CONFIRM, Actor.SYSTEM, "超时未确认，系统自动确认",
                        orders.autoConfirm(order.id())))
                .flatMap(confirmed -> points.earn(confirmed).thenReturn(confirmed))
                .flatMap(confirmed -> moves.published(confirmed, OrderMoves.changeOf(confirmed)))
                .then();
    }
}
