package cn.linli.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import cn.linli.partner.EligiblePartner;
import cn.linli.notification.NotificationService;
import cn.linli.partner.PartnerService;
import cn.linli.platform.timer.Timers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 社区派单: chooses partners for orders and moves orders between the staff queue and partners. Every method runs
 * inside the caller's transaction, with the order row already locked by it.
 *
 * <p>Ranking: best average rating first (a partner not yet rated counts as {@value #UNRATED}, so newcomers get work),
 * then fewest orders given to it in the last seven days (fair rotation), then fewest orders in hand.
 */
@Component
class Dispatcher {

    static final String ACCEPT_DEADLINE = "ORDER_ACCEPT_DEADLINE";
    static final double UNRATED = 4.0;

    private final OrderRepository orders;
    private final PartnerService partners;
    private final Timers timers;
    private final OrderProperties properties;
    private final NotificationService notifications;
    private final cn.linli.community.CommunityService communities;

    Dispatcher(OrderRepository orders, PartnerService partners, Timers timers, OrderProperties properties,
               NotificationService notifications, cn.linli.community.CommunityService communities) {
        this.notifications = notifications;
        this.communities = communities;
        this.orders = orders;
        this.partners = partners;
        this.timers = timers;
        this.properties = properties;
    }

    /** Eligible partners for a submitted order, best first, with the reason for each rank. */
    Mono<List<DispatchCandidate>> candidates(ServiceOrder order) {
        return orders.declinedPartners(order.id())
                .flatMap(declined -> partners.eligible(order.categoryId(), order.communityId(), declined).collectList())
                .flatMap(eligible -> orders.scorecards(eligible.stream().map(e -> e.partner().id()).toList())
                        .collectMap(OrderRepository.Scorecard::partnerId)
                        .map(scores -> rank(eligible, scores)));
    }

    private static List<DispatchCandidate> rank(List<EligiblePartner> eligible, Map<Long, OrderRepository.Scorecard> scores) {
        record Scored(EligiblePartner eligible, @Nullable Double rating) {
            double sortRating() {
                return rating == null ? UNRATED : rating;
            }
        }
        List<Scored> scored = new ArrayList<>();
        for (EligiblePartner candidate : eligible) {
            OrderRepository.Scorecard card = scores.get(candidate.partner().id());
            scored.add(new Scored(candidate, card == null ? null : card.averageRating()));
        }
        scored.sort(Comparator.comparingDouble((Scored s) -> -s.sortRating())
                .thenComparingInt(s -> s.eligible().recentAssignments())
                .thenComparingInt(s -> s.eligible().partner().activeOrders())
                .thenComparingLong(s -> s.eligible().partner().id()));
        List<DispatchCandidate> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            var partner = s.eligible().partner();
            String reason = (s.rating() == null ? "暂无评分" : "评分 " + s.rating())
                    + " · 近7天派单 " + s.eligible().recentAssignments() + " 次"
                    + " · 在办 " + partner.activeOrders() + "/" + partner.capacity();
            ranked.add(new DispatchCandidate(i + 1, partner, reason, s.rating(), s.eligible().recentAssignments()));
        }
        return ranked;
    }

    /**
     * Sends a submitted order on without staff: GRAB offers it to every eligible partner; otherwise the best
     * candidate that still has capacity gets it. With nobody left, it goes back to staff, flagged escalated.
     */
    Mono<ServiceOrder> dispatchAutomatically(ServiceOrder order, OrderChange.Builder change) {
        if ("GRAB".equals(order.dispatchMode())) {
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
        Instant deadline = Instant.now().plus(properties.acceptDeadline(order.urgency()));
        return orders.update(order.id(), List.of("SUBMITTED"),
                        "status = 'DISPATCHED', partner_id = :partner, accept_deadline = :deadline, escalated = false,"
                                + " dispatch_round = dispatch_round + 1",
                        "", Map.of("partner", partnerId, "deadline", deadline))
                .flatMap(updated -> orders.insertEvent(order.id(), actor, "SUBMITTED", "DISPATCHED", partnerId, reason)
                        .then(timers.schedule(ACCEPT_DEADLINE, order.id(), deadline))
                        .then(notifyMembers(List.of(partnerId), "ORDER_DISPATCHED", "您有新的派单", order))
                        .doOnSuccess(done -> change.notify(partnerId, "DISPATCHED"))
                        .thenReturn(updated));
    }

    private Mono<ServiceOrder> offerToGrab(ServiceOrder order, OrderChange.Builder change) {
        return orders.declinedPartners(order.id())
                .flatMap(declined -> partners.eligible(order.categoryId(), order.communityId(), declined)
                        .map(eligible -> eligible.partner().id()).collectList())
                .flatMap(partnerIds -> {
                    if (partnerIds.isEmpty()) {
                        return escalate(order, "没有可抢单的合伙人，转社区人工派单");
                    }
                    Instant deadline = Instant.now().plus(properties.acceptDeadline(order.urgency()));
                    return orders.update(order.id(), List.of("SUBMITTED"),
                                    "status = 'DISPATCHED', partner_id = null, accept_deadline = :deadline,"
                                            + " escalated = false, dispatch_round = dispatch_round + 1",
                                    "", Map.of("deadline", deadline))
                            .flatMap(updated -> orders.insertOffers(order.id(), partnerIds)
                                    .then(orders.insertEvent(order.id(), Actor.SYSTEM, "SUBMITTED", "DISPATCHED", null,
                                            "抢单：已推送给 " + partnerIds.size() + " 家合伙人"))
                                    .then(timers.schedule(ACCEPT_DEADLINE, order.id(), deadline))
                                    .then(notifyMembers(partnerIds, "ORDER_GRAB_OFFERED", "有新订单可抢", order))
                                    .doOnSuccess(done -> partnerIds.forEach(id -> change.notify(id, "GRAB_OFFERED")))
                                    .thenReturn(updated));
                });
    }

    /** Back to the staff queue, flagged: nobody (else) could take it. */
    Mono<ServiceOrder> escalate(ServiceOrder order, String reason) {
        return orders.update(order.id(), List.of("SUBMITTED", "DISPATCHED"),
                        "status = 'SUBMITTED', partner_id = null, accept_deadline = null, escalated = true", "", Map.of())
                .flatMap(updated -> orders.insertEvent(order.id(), Actor.SYSTEM, order.status(), "SUBMITTED", null, reason)
                        .then(tellStaff(order, "ORDER_ESCALATED", "订单需要人工派单", reason))
                        .thenReturn(updated));
    }

    private Mono<Void> tellStaff(ServiceOrder order, String kind, String title, String reason) {
        return communities.staffOfCommunities(List.of(order.communityId())).flatMap(staff -> notifications.notify(
                staff.getOrDefault(order.communityId(), List.of()).stream().map(cn.linli.community.StaffMember::id).toList(),
                kind, title, reason, "pages/staff/order?id=" + order.id()));
    }

    /** Every member of these partners hears about the order (in the app; by WeChat where they consented). */
    private Mono<Void> notifyMembers(java.util.Collection<Long> partnerIds, String kind, String title, ServiceOrder order) {
        return partners.membersOfPartners(partnerIds).flatMap(members -> notifications.notify(
                members.values().stream().flatMap(List::stream).map(cn.linli.partner.PartnerMember::id).toList(),
                kind, title, order.description(), "pages/partner/order?id=" + order.id()));
    }

    /** Takes a dispatched order back from its partner (declined or timed out) and sends it on. */
    Mono<ServiceOrder> redispatch(ServiceOrder order, Actor actor, String reason, boolean expired,
                                  OrderChange.Builder change) {
        long partnerId = java.util.Objects.requireNonNull(order.partnerId());
        return orders.insertDecline(order.id(), partnerId, reason, expired)
                .then(partners.releaseCapacity(partnerId))
                .then(orders.update(order.id(), List.of("DISPATCHED"),
                        "status = 'SUBMITTED', partner_id = null, accept_deadline = null", "", Map.of()))
                .flatMap(back -> orders.insertEvent(order.id(), actor, "DISPATCHED", "SUBMITTED", partnerId, reason)
                        .doOnSuccess(done -> change.notify(partnerId, "WITHDRAWN"))
                        .then(dispatchAutomatically(back, change))
                        .flatMap(next -> "DISPATCHED".equals(next.status())
                                ? tellStaff(order, "ORDER_REDISPATCHED", "订单已自动转派", reason).thenReturn(next)
                                : Mono.just(next)));
    }

    /** Offered partners that have not declined, for telling them an offer is gone. */
    Flux<Long> openOffers(ServiceOrder order) {
        return Mono.zip(orders.offeredPartners(order.id()), orders.declinedPartners(order.id()))
                .flatMapMany(t -> Flux.fromIterable(t.getT1()).filter(id -> !t.getT2().contains(id)));
    }
}
