package cn.linli.order;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.linli.platform.error.LinliException;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reading orders: one order, the lists (each checked against the viewer's scope), candidates, batched fields. */
@Service
class OrderQueries {

    private final OrderRepository orders;
    private final OrderLists lists;
    private final OrderTimeline timeline;
    private final OrderAccess access;
    private final Dispatcher dispatcher;

    OrderQueries(OrderRepository orders, OrderLists lists, OrderTimeline timeline, OrderAccess access,
                 Dispatcher dispatcher) {
        this.orders = orders;
        this.lists = lists;
        this.timeline = timeline;
        this.access = access;
        this.dispatcher = dispatcher;
    }

    /** The order, if the scope may see it: NOT_FOUND or FORBIDDEN otherwise. */
    Mono<ServiceOrder> visibleOrder(OrderAccess.Scope scope, long orderId) {
        return findOrder(orderId).flatMap(order -> access.visible(scope, order));
    }

    Mono<ServiceOrder> findOrder(long orderId) {
        return orders.findById(orderId).switchIfEmpty(Mono.error(() -> LinliException.notFound("订单")));
    }

    /** The scope's households' orders (up to {@code page.limitPlusOne()} rows, for {@link Connection#of}). */
    Mono<List<ListedOrder>> myOrders(OrderAccess.Scope scope, @Nullable OrderStatus status, PageRequest page) {
        if (scope.households().isEmpty()) {
            return Mono.just(List.of());
        }
        return lists.ofHouseholds(scope.householdIds(), status, page).collectList();
    }

    Mono<List<ListedOrder>> dispatchQueue(OrderAccess.Scope scope, long communityId, @Nullable OrderStatus status,
                                          @Nullable Urgency urgency, @Nullable Boolean escalated, PageRequest page) {
        scope.requireStaffOf(communityId);
        return lists.queue(communityId, status, urgency, escalated, page).collectList();
    }

    Mono<List<ListedOrder>> partnerInbox(OrderAccess.Scope scope, InboxFilter filter, PageRequest page) {
        long partnerId = scope.requireMember().partnerId();
        return lists.inbox(partnerId, filter, page).collectList();
    }

    Mono<List<DispatchCandidate>> dispatchCandidates(OrderAccess.Scope scope, long orderId) {
        return findOrder(orderId).flatMap(order -> {
            scope.requireStaffOf(order.communityId());
            return dispatcher.candidates(order);
        });
    }

    Mono<Map<Long, List<OrderEvent>>> timelines(Collection<Long> orderIds) {
        return timeline.eventsOfOrders(orderIds).collect(Collectors.groupingBy(OrderEvent::orderId));
    }

    Mono<Map<Long, Scorecard>> scorecards(Collection<Long> partnerIds) {
        return lists.scorecards(partnerIds).collectMap(Scorecard::partnerId);
    }
}
