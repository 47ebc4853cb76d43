package cn.linli.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.linli.partner.EligiblePartner;
import cn.linli.partner.Partner;
import cn.linli.partner.PartnerService;
import cn.linli.platform.timer.Timers;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 社区派单: chooses partners for orders ({@link DispatchRanking}) and moves orders between the staff queue and
 * partners. Every method runs inside the caller's transaction, with the order row already locked by it.
 */
@Component
class Dispatcher {

    static final String ACCEPT_DEADLINE = "ORDER_ACCEPT_DEADLINE";

    private final OrderRepository orders;
    private final OfferRepository offers;
    private final OrderTimeline timeline;
    private final OrderLists lists;
    private final PartnerService partners;
    private final Timers timers;
    private final OrderProperties properties;
    private final OrderNotices notices;

    Dispatcher(OrderRepository orders, OfferRepository offers, OrderTimeline timeline, OrderLists lists,
               PartnerService partners, Timers timers, OrderProperties properties, OrderNotices notices) {
        this.orders = orders;
        this.offers = offers;
        this.timeline = timeline;
        this.lists = lists;
        this.partners = partners;
        this.timers = timers;
        this.properties = properties;
        this.notices = notices;
    }

    /** Eligible partners for a submitted order, best first, with the reason for each rank. */
    Mono<List<DispatchCandidate>> candidates(ServiceOrder order) {
        return offers.declinedPartners(order.id())
                .flatMap(declined -> partners.eligible(order.categoryId(), order.communityId(), declined).collectList())
                .flatMap(eligible -> lists.scorecards(eligible.stream().map(e -> e.partner().id()).toList())
                        .collectMap(Scorecard::partnerId)
                        .map(scores -> ranked(eligible, scores)));
    }

    private static List<DispatchCandidate> ranked(List<EligiblePartner> eligible, Map<Long, Scorecard> scores) {
        Map<Long, Partner> byId = new HashMap<>();
        List<DispatchRanking.Standing> standings = new ArrayList<>();
        for (EligiblePartner candidate : eligible) {
            Partner partner = candidate.partner();
            Scorecard card = scores.get(partner.id());
            byId.put(partner.id(), partner);
            standings.add(new DispatchRanking.Standing(partner.id(), card == null ? null : card.averageRating(),
                    candidate.recentAssignments(), partner.activeOrders(), partner.capacity()));
        }
        List<DispatchRanking.Standing> best = DispatchRanking.rank(standings);
        List<DispatchCandidate> ranked = new ArrayList<>();
        for (int i = 0; i < best.size(); i++) {
            DispatchRanking.Standing s = best.get(i);
            ranked.add(new DispatchCandidate(i + 1, byId.get(s.partnerId()), s.reason(), s.rating(),
                    s.recentAssignments()));
        }
        return ranked;
    }

    /**
     * Sends a submitted order on without staff: GRAB offers it to every eligible partner; otherwise the best
     * candidate that still has capacity gets it. With nobody left, it goes back to staff, flagged escalated.
     */
    Mono<ServiceOrder> dispatchAutomatically(ServiceOrder order, OrderChange.Builder change) {
        if (order.dispatchMode() == DispatchMode.GRAB) {
            return offerToGrab(order, change);
        }
        return candidates(order).flatMap(ranked -> tryCandidates(order, ranked, 0, change));
    }

    private Mono<ServiceOrder> tryCandidates(ServiceOrder order, List<DispatchCandidate> ranked, int index,
                                             OrderChange.Builder change) {
        if (index >= ranked.size()) {
            return escalate(order, "没有可接单的合伙人，转社区人工派单");
        }
        long partnerId = ranked.get(index).partner().id();
        // a candidate filled up since it was ranked: try the next one
        return partners.reserveCapacity(partnerId, order.id(), true).flatMap(reserved -> reserved
                ? dispatchTo(order, partnerId, Actor.SYSTEM, "自动派单：" + ranked.get(index).reason(), change)
                : tryCandidates(order, ranked, index + 1, change));
    }

    /** Gives the order to a partner whose capacity the caller has reserved, with an accept deadline. */
    Mono<ServiceOrder> dispatchTo(ServiceOrder order, long partnerId, Actor actor, String reason,
                                  OrderChange.Builder change) {
        OrderLifecycle.check(OrderAction.DISPATCH, order.status(), actor.kind());
        Instant deadline = Instant.now().plus(properties.acceptDeadline(order.urgency()));
        return orders.dispatch(order.id(), partnerId, deadline)
                .flatMap(updated -> timeline.record(order.id(), actor, order.status(), updated.status(), partnerId, reason)
                        .then(timers.schedule(ACCEPT_DEADLINE, order.id(), deadline))
                        .then(notices.tellPartners(List.of(partnerId), "ORDER_DISPATCHED", "您有新的派单", order))
                        .doOnSuccess(done -> change.notify(partnerId, InboxKind.DISPATCHED))
                        .thenReturn(updated));
    }

    private Mono<ServiceOrder> offerToGrab(ServiceOrder order, OrderChange.Builder change) {
        return offers.declinedPartners(order.id())
                .flatMap(declined -> partners.eligible(order.categoryId(), order.communityId(), declined)
                        .map(eligible -> eligible.partner().id()).collectList())
                .flatMap(partnerIds -> partnerIds.isEmpty() ? escalate(order, "没有可抢单的合伙人，转社区人工派单")
                        : offer(order, partnerIds, change));
    }

    private Mono<ServiceOrder> offer(ServiceOrder order, List<Long> partnerIds, OrderChange.Builder change) {
        OrderLifecycle.check(OrderAction.DISPATCH, order.status(), ActorKind.SYSTEM);
        Instant deadline = Instant.now().plus(properties.acceptDeadline(order.urgency()));
        return orders.dispatch(order.id(), null, deadline)
                .flatMap(updated -> offers.insertOffers(order.id(), partnerIds)
                        .then(timeline.record(order.id(), Actor.SYSTEM, order.status(), updated.status(), null,
                                "抢单：已推送给 " + partnerIds.size() + " 家合伙人"))
                        .then(timers.schedule(ACCEPT_DEADLINE, order.id(), deadline))
                        .then(notices.tellPartners(partnerIds, "ORDER_GRAB_OFFERED", "有新订单可抢", order))
                        .doOnSuccess(done -> partnerIds.forEach(id -> change.notify(id, InboxKind.GRAB_OFFERED)))
                        .thenReturn(updated));
    }

    /** Back to the staff queue, flagged: nobody (else) could take it. */
    Mono<ServiceOrder> escalate(ServiceOrder order, String reason) {
        OrderLifecycle.check(OrderAction.ESCALATE, order.status(), ActorKind.SYSTEM);
        return orders.escalate(order.id())
                .flatMap(updated -> timeline.record(order.id(), Actor.SYSTEM, order.status(), updated.status(), null, reason)
                        .then(notices.tellStaff(order, "ORDER_ESCALATED", "订单需要人工派单", reason))
                        .thenReturn(updated));
    }

    /**
     * Takes a dispatched order back from its partner ({@link OrderAction#DECLINE}d, or its deadline
     * {@link OrderAction#EXPIRE}d) and sends it on.
     */
    Mono<ServiceOrder> redispatch(ServiceOrder order, Actor actor, OrderAction action, String reason,
                                  OrderChange.Builder change) {
        OrderLifecycle.check(action, order.status(), actor.kind());
        long partnerId = Objects.requireNonNull(order.partnerId());
        return offers.insertDecline(order.id(), partnerId, reason, action == OrderAction.EXPIRE)
                .then(partners.releaseCapacity(partnerId))
                .then(orders.takeBack(order.id(), action))
                .flatMap(back -> timeline.record(order.id(), actor, order.status(), back.status(), partnerId, reason)
                        .doOnSuccess(done -> change.notify(partnerId, InboxKind.WITHDRAWN))
                        .then(dispatchAutomatically(back, change))
                        .flatMap(next -> next.status() == OrderLifecycle.targetOf(OrderAction.DISPATCH)
                                ? notices.tellStaff(order, "ORDER_REDISPATCHED", "订单已自动转派", reason).thenReturn(next)
                                : Mono.just(next)));
    }

    /** Offered partners that have not declined, for telling them an offer is gone. */
    Flux<Long> openOffers(ServiceOrder order) {
        return Mono.zip(offers.offeredPartners(order.id()), offers.declinedPartners(order.id()))
                .flatMapMany(t -> Flux.fromIterable(t.getT1()).filter(id -> !t.getT2().contains(id)));
    }
}
