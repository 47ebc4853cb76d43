package cn.linli.order;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.linli.partner.PartnerService;
import cn.linli.photo.PhotoService;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.timer.Timers;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Staff dispatch; the serving partner starts and completes; the resident confirms; the resident or staff cancel.
 * Each is one transaction on the locked order (retried whole on a deadlock), changing it only through the conditional
 * update {@link OrderLifecycle} allows, and publishing the change once committed. Accepting and declining are
 * {@link PartnerAnswers}.
 */
@Service
@Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
class OrderTransitions {

    static final String AUTO_CONFIRM = "ORDER_AUTO_CONFIRM";
    static final String AUTO_CONFIRM_REMINDER = "ORDER_AUTO_CONFIRM_REMINDER";

    private final OrderRepository orders;
    private final OrderMoves moves;
    private final OfferRepository offers;
    private final Dispatcher dispatcher;
    private final PartnerService partners;
    private final PhotoService photos;
    private final Timers timers;
    private final OrderNotices notices;
    private final OrderPoints points;
    private final OrderProperties properties;

    OrderTransitions(OrderRepository orders, OrderMoves moves, OfferRepository offers, Dispatcher dispatcher,
                     PartnerService partners, PhotoService photos, Timers timers, OrderNotices notices,
                     OrderPoints points, OrderProperties properties) {
        this.orders = orders;
        this.moves = moves;
        this.offers = offers;
        this.dispatcher = dispatcher;
        this.partners = partners;
        this.photos = photos;
        this.timers = timers;
        this.notices = notices;
        this.points = points;
        this.properties = properties;
    }

    @Transactional
    public Mono<ServiceOrder> dispatchOrder(OrderAccess.Scope scope, OrderInputs.DispatchOrderInput input) {
        long partnerId = Ids.parse(input.partnerId(), "input.partnerId");
        return moves.lockVisible(scope, input.orderId()).flatMap(order -> {
            Actor actor = scope.asStaff(order);
            OrderLifecycle.check(OrderAction.DISPATCH, order.status(), actor.kind());
            OrderChange.Builder change = new OrderChange.Builder();
            return offers.declinedPartners(order.id())
                    .flatMap(declined -> partners.isEligible(partnerId, order.categoryId(), order.communityId(), declined))
                    .flatMap(eligible -> eligible ? partners.reserveCapacity(partnerId, order.id(), true)
                            : Mono.error(new LinliException(ErrorCode.PARTNER_NOT_ELIGIBLE)))
                    .flatMap(reserved -> reserved ? dispatcher.dispatchTo(order, partnerId, actor, "社区派单", change)
                            : Mono.error(new LinliException(ErrorCode.PARTNER_AT_CAPACITY)))
                    .flatMap(dispatched -> moves.published(dispatched, change));
        });
    }

    @Transactional
    public Mono<ServiceOrder> startOrder(OrderAccess.Scope scope, OrderInputs.StartOrderInput input) {
        return moves.lockVisible(scope, input.orderId())
                .flatMap(order -> moves.move(order, OrderAction.START, scope.asServingPartner(order), null,
                                orders.start(order.id()))
                        .flatMap(started -> moves.published(started, OrderMoves.changeOf(started))));
    }

    @Transactional
    public Mono<ServiceOrder> completeOrder(OrderAccess.Scope scope, OrderInputs.CompleteOrderInput input) {
        List<Long> photoIds = PhotoService.parse(input.photoIds(), "input.photoIds");
        return moves.lockVisible(scope, input.orderId()).flatMap(order -> {
            Actor actor = scope.asServingPartner(order);
            return photos.attach(scope.viewer().accountId(), photoIds, "input.photoIds")
                    .then(moves.move(order, OrderAction.COMPLETE, actor, null,
                            orders.complete(order.id(), input.minutesSpent(), input.notes(), photoIds)))
                    .flatMap(completed -> afterCompletion(order, completed))
                    .flatMap(completed -> moves.published(completed, OrderMoves.changeOf(completed)));
        });
    }

    /** The partner's capacity is free again; silence will confirm the order, and the resident is asked to rate it. */
    private Mono<ServiceOrder> afterCompletion(ServiceOrder order, ServiceOrder completed) {
        Instant autoConfirmAt = Instant.now().plus(properties.autoConfirmAfter());
        return partners.releaseCapacity(java.util.Objects.requireNonNull(order.partnerId()))
                .then(timers.schedule(AUTO_CONFIRM, order.id(), autoConfirmAt))
                .then(timers.schedule(AUTO_CONFIRM_REMINDER, order.id(), autoConfirmAt.minus(reminderLead())))
                .then(notices.tellResident(completed, "ORDER_COMPLETED", "服务已完成，请确认并评价"))
                .thenReturn(completed);
    }

    /** A day before auto-confirmation (or halfway, for shorter silences). */
    private Duration reminderLead() {
        Duration silence = properties.autoConfirmAfter();
        return silence.compareTo(Duration.ofDays(2)) >= 0 ? Duration.ofDays(1) : silence.dividedBy(2);
    }

    @Transactional
    public Mono<ServiceOrder> confirmOrder(OrderAccess.Scope scope, OrderInputs.ConfirmOrderInput input) {
        var rating = new OrderRepository.Rating((short) input.quality(), (short) input.punctuality(),
                (short) input.attitude(), input.comment());
        return moves.lockVisible(scope, input.orderId())
                .flatMap(order -> moves.move(order, OrderAction.CONFIRM, scope.asResident(order), null,
                        orders.confirm(order.id(), rating)))
                .flatMap(confirmed -> points.earn(confirmed).thenReturn(confirmed))
                .flatMap(confirmed -> moves.published(confirmed, OrderMoves.changeOf(confirmed)));
    }

    @Transactional
    public Mono<ServiceOrder> cancelOrder(OrderAccess.Scope scope, OrderInputs.CancelOrderInput input) {
        return moves.lockVisible(scope, input.orderId()).flatMap(order -> {
            Actor actor = scope.asCanceller(order);
            OrderLifecycle.check(OrderAction.CANCEL, order.status(), actor.kind());
            OrderChange.Builder change = OrderMoves.changeOf(order);
            return offersWithdrawn(order, change)
                    .then(order.holdsCapacity() ? partners.releaseCapacity(order.partnerId()) : Mono.empty())
                    .then(moves.move(order, OrderAction.CANCEL, actor, input.reason(),
                            orders.cancel(order.id(), OrderLifecycle.sourcesOf(OrderAction.CANCEL, actor.kind()))))
                    .flatMap(cancelled -> points.returnHold(order).thenReturn(cancelled))
                    .flatMap(cancelled -> moves.published(cancelled, change));
        });
    }

    /** Partners offered the order to grab hear that the offer is gone. */
    private Mono<Void> offersWithdrawn(ServiceOrder order, OrderChange.Builder change) {
        if (order.status() != OrderStatus.DISPATCHED || order.partnerId() != null) {
            return Mono.empty();
        }
        return dispatcher.openOffers(order).doOnNext(id -> change.notify(id, InboxKind.WITHDRAWN)).then();
    }
}
