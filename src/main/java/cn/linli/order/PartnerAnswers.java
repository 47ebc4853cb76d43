package cn.linli.order;

import java.time.Instant;
import java.util.List;

import cn.linli.partner.PartnerMember;
import cn.linli.partner.PartnerService;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * A partner answers an order: accepts or declines the one dispatched to it, or grabs or declines one offered to
 * several partners (the first to grab wins; the database decides). One transaction each, retried whole on a deadlock.
 */
@Service
@Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
class PartnerAnswers {

    private final OrderRepository orders;
    private final OrderMoves moves;
    private final OfferRepository offers;
    private final OrderTimeline timeline;
    private final Dispatcher dispatcher;
    private final PartnerService partners;
    private final OrderNotices notices;
    private final OrderPoints points;

    PartnerAnswers(OrderRepository orders, OrderMoves moves, OfferRepository offers, OrderTimeline timeline,
                   Dispatcher dispatcher, PartnerService partners, OrderNotices notices, OrderPoints points) {
        this.orders = orders;
        this.moves = moves;
        this.offers = offers;
        this.timeline = timeline;
        this.dispatcher = dispatcher;
        this.partners = partners;
        this.notices = notices;
        this.points = points;
    }

    @Transactional
    public Mono<ServiceOrder> acceptOrder(OrderAccess.Scope scope, OrderInputs.AcceptOrderInput input) {
        @Nullable Long servingId = Ids.parseOptional(input.servingMemberId(), "input.servingMemberId");
        return moves.lockVisible(scope, input.orderId()).flatMap(order -> {
            PartnerMember member = scope.requireMember();
            long serving = servingId == null ? member.id() : servingId;
            Actor actor = Actor.partner(scope.viewer().accountId());
            OrderLifecycle.check(OrderAction.ACCEPT, order.status(), actor.kind());
            Mono<Void> ready = servingMemberOf(member, serving).then(beforeDeadline(order));
            if (scope.isPartnerOf(order)) {
                return ready.then(moves.move(order, OrderAction.ACCEPT, actor, null, orders.accept(order.id(), serving)))
                        .flatMap(accepted -> accepted(accepted, OrderMoves.changeOf(accepted)));
            }
            if (order.partnerId() != null) {
                throw OrderLifecycle.invalidTransition(order.status());
            }
            return offers.isOfferedTo(order.id(), member.partnerId())
                    .flatMap(offered -> offered ? ready.then(grab(order, member, serving, actor))
                            : Mono.error(LinliException.forbidden()));
        });
    }

    /** First to grab wins: capacity reserved, the other offered partners told it is taken. */
    private Mono<ServiceOrder> grab(ServiceOrder order, PartnerMember member, long serving, Actor actor) {
        OrderChange.Builder change = OrderMoves.changeOf(order);
        return partners.reserveCapacity(member.partnerId(), order.id(), false)
                .flatMap(reserved -> reserved ? Mono.just(true)
                        : Mono.error(new LinliException(ErrorCode.PARTNER_AT_CAPACITY)))
                .thenMany(dispatcher.openOffers(order))
                .filter(id -> id != member.partnerId())
                .doOnNext(id -> change.notify(id, InboxKind.TAKEN))
                .then(moves.move(order, OrderAction.ACCEPT, actor, "抢单成功",
                        orders.grab(order.id(), member.partnerId(), serving)))
                .flatMap(accepted -> accepted(accepted, change));
    }

    /** Points of a points-priced offering are held; the resident hears a partner said yes. */
    private Mono<ServiceOrder> accepted(ServiceOrder accepted, OrderChange.Builder change) {
        return points.hold(accepted)
                .then(notices.tellResident(accepted, "ORDER_ACCEPTED", "合伙人已接单"))
                .then(moves.published(accepted, change));
    }

    @Transactional
    public Mono<ServiceOrder> declineOrder(OrderAccess.Scope scope, OrderInputs.DeclineOrderInput input) {
        return moves.lockVisible(scope, input.orderId()).flatMap(order -> {
            PartnerMember member = scope.requireMember();
            Actor actor = Actor.partner(scope.viewer().accountId());
            OrderChange.Builder change = new OrderChange.Builder();
            if (scope.isPartnerOf(order)) {
                return dispatcher.redispatch(order, actor, OrderAction.DECLINE, input.reason(), change)
                        .flatMap(next -> moves.published(next, change));
            }
            OrderLifecycle.check(OrderAction.DECLINE_OFFER, order.status(), actor.kind());
            if (order.partnerId() != null) {
                throw OrderLifecycle.invalidTransition(order.status());
            }
            return offers.isOfferedTo(order.id(), member.partnerId())
                    .flatMap(offered -> offered ? declineOffer(order, member, actor, input.reason(), change)
                            : Mono.error(LinliException.forbidden()));
        });
    }

    /** One offered partner fewer; when none is left, the order goes back to staff. */
    private Mono<ServiceOrder> declineOffer(ServiceOrder order, PartnerMember member, Actor actor, String reason,
                                            OrderChange.Builder change) {
        change.notify(member.partnerId(), InboxKind.WITHDRAWN);
        return offers.insertDecline(order.id(), member.partnerId(), reason, false)
                .then(timeline.record(order.id(), actor, order.status(), OrderLifecycle.targetOf(OrderAction.DECLINE_OFFER),
                        member.partnerId(), "放弃抢单：" + reason))
                .then(dispatcher.openOffers(order).hasElements())
                .flatMap(othersLeft -> othersLeft ? Mono.just(order)
                        : dispatcher.escalate(order, "所有合伙人都放弃了抢单，转社区人工派单"))
                .flatMap(next -> moves.published(next, change));
    }

    /** The serving member defaults to the caller; another one must belong to the same partner. */
    private Mono<Void> servingMemberOf(PartnerMember member, long serving) {
        if (serving == member.id()) {
            return Mono.empty();
        }
        return partners.membersByAccounts(List.of(serving)).flatMap(found -> {
            PartnerMember other = found.get(serving);
            return other != null && other.partnerId() == member.partnerId() ? Mono.<Void>empty()
                    : Mono.error(LinliException.invalid("input.servingMemberId", "服务人员须是本合伙人的成员"));
        });
    }

    private static Mono<Void> beforeDeadline(ServiceOrder order) {
        Instant deadline = order.acceptDeadline();
        return deadline != null && deadline.isAfter(Instant.now()) ? Mono.empty()
                : Mono.error(new LinliException(ErrorCode.ORDER_ACCEPT_EXPIRED));
    }
}
