package cn.linli.order;

import java.util.List;
import java.util.Set;

import cn.linli.platform.security.Role;
import cn.linli.platform.security.Viewer;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The order feature's door for features that turn their own subjects into orders (needs, 需求清单): an order placed
 * on behalf of a resident of the household, through the very same placement the resident's mutation uses (same
 * checks, idempotency, dispatch and timeline; without its retry, which belongs to the caller's entry point), and a
 * hook that tells them when such an order is settled (confirmed or cancelled), after the order's transaction committed.
 */
@Service
public class LinkedOrders {

    private static final Logger log = LoggerFactory.getLogger(LinkedOrders.class);

    /** Told after commit when an order reaches CONFIRMED or CANCELLED; runs its own transaction. */
    public interface SettlementListener {
        Mono<Void> orderSettled(long orderId, OrderStatus status);
    }

    /** What the other feature asks for; the description and contact phone are validated as the resident's input is. */
    public record Request(long residentId, long householdId, @Nullable String offeringId, @Nullable String categoryCode,
                          String description, String contactPhone, boolean urgent, String idempotencyKey) {
    }

    private final OrderAccess access;
    private final OrderPlacement placement;
    private final ObjectProvider<SettlementListener> listeners;

    LinkedOrders(OrderAccess access, OrderPlacement placement,
                 ObjectProvider<SettlementListener> listeners) {
        this.access = access;
        this.placement = placement;
        this.listeners = listeners;
    }

    /**
     * Places the order as the resident would (they must still be a member of the household). Joins the caller's
     * transaction; the caller checks its own rights (e.g. staff of the community) first.
     */
    public Mono<ServiceOrder> placeOnBehalf(Request request) {
        Viewer resident = new Viewer(request.residentId(), Set.of(Role.RESIDENT), "linked-order");
        var input = new OrderInputs.PlaceOrderInput(String.valueOf(request.householdId()), request.offeringId(),
                request.categoryCode(), request.description(), List.of(), null, null,
                request.urgent() ? Urgency.URGENT : Urgency.NORMAL, request.contactPhone(), request.idempotencyKey());
        return access.scope(resident, GraphQLContext.newContext().build())
                .flatMap(scope -> placement.placeInCallersTransaction(scope, input));
    }

    /** Only a change that settled the order is passed on: the event says the status, so no other costs a read. */
    @TransactionalEventListener
    void settled(OrderChange change) {
        if (change.status() != OrderStatus.CONFIRMED && change.status() != OrderStatus.CANCELLED) {
            return;
        }
        Flux.fromStream(listeners.orderedStream())
                .concatMap(listener -> listener.orderSettled(change.orderId(), change.status()))
                .onErrorResume(ex -> {
                    log.warn("Settlement of order {} not passed on: {}", change.orderId(), ex.toString());
                    return Mono.empty();
                })
                .subscribe();
    }
}
