package cn.linli.order;

import cn.linli.partner.PartnerMember;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Live order updates over WebSocket. Changes arrive from the event bus (any instance), and each is reloaded from the
 * database and checked against the subscriber's rights before it is sent.
 */
@Controller
class OrderSubscriptionController {

    private final OrderQueries queries;
    private final OrderAccess access;
    private final OrderEvents events;

    OrderSubscriptionController(OrderQueries queries, OrderAccess access, OrderEvents events) {
        this.queries = queries;
        this.access = access;
        this.events = events;
    }

    /**
     * The order as it stands now, then again after every change: a client never starts from a stale copy.
     * <p>
     * Listening starts before the first read, so a change committed meanwhile is not lost; reads run one at a time,
     * each after the one before, and changes that arrive during a read make one more read (not one each). A read that
     * shows the state already sent (typically the change that created or last moved the order, heard just after the
     * first read) is not sent again.
     */
    @SubscriptionMapping
    Flux<ServiceOrder> orderUpdated(@Argument String orderId, Viewer viewer, GraphQLContext context) {
        long id = Ids.parse(orderId, "orderId");
        return access.scope(viewer, context).flatMapMany(scope -> {
            Flux<Boolean> reads = Flux.merge(Mono.just(true), events.changes()
                    .filter(change -> change.orderId() == id)
                    .map(change -> false));
            return reads.onBackpressureLatest()
                    .concatMap(first -> first ? queries.visibleOrder(scope, id) : reread(scope, id), 0)
                    .distinctUntilChanged(ServiceOrder::updatedAt);
        });
    }

    /** After the first read: an order the viewer may no longer see is simply not sent. */
    private Mono<ServiceOrder> reread(OrderAccess.Scope scope, long id) {
        return queries.visibleOrder(scope, id).onErrorResume(LinliException.class, ex -> Mono.empty());
    }

    @SubscriptionMapping
    Flux<InboxEvent> partnerInbox(Viewer viewer, GraphQLContext context) {
        return access.scope(viewer, context).flatMapMany(scope -> {
            PartnerMember member = scope.requireMember();
            return events.changes().concatMap(change -> Flux.fromIterable(change.inbox())
                    .filter(notice -> notice.partnerId() == member.partnerId())
                    .concatMap(notice -> queries.findOrder(change.orderId())
                            .map(order -> new InboxEvent(notice.kind(), order))));
        });
    }

    @SubscriptionMapping
    Flux<ServiceOrder> dispatchBoard(@Argument String communityId, Viewer viewer, GraphQLContext context) {
        long id = Ids.parse(communityId, "communityId");
        return access.scope(viewer, context).flatMapMany(scope -> {
            scope.requireStaffOf(id);
            return events.changes().filter(change -> change.communityId() == id)
                    .concatMap(change -> queries.findOrder(change.orderId()));
        });
    }
}
