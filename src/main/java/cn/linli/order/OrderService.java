package cn.linli.order;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

import cn.linli.community.CommunityService;
import cn.linli.community.Household;
import cn.linli.partner.PartnerMember;
import cn.linli.partner.PartnerService;
import cn.linli.photo.PhotoService;
import cn.linli.platform.db.TransactionRetry;
import cn.linli.platform.error.Check;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.idempotency.IdempotencyKeys;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.timer.Timers;
import cn.linli.timebank.TimeBankService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The order lifecycle: place, dispatch, accept or decline, start, complete, confirm, cancel. Each mutation is one
 * transaction that first locks the order row, then changes it only through conditional updates, records the
 * transition in the timeline, and publishes the change once committed.
 */
@Service
public class OrderService {

    static final String AUTO_CONFIRM = "ORDER_AUTO_CONFIRM";
    static final String AUTO_CONFIRM_REMINDER = "ORDER_AUTO_CONFIRM_REMINDER";

    private final OrderRepository orders;
    private final OrderAccess access;
    private final Dispatcher dispatcher;
    private final PartnerService partners;
    private final Timers timers;
    private final OrderEvents events;
    private final OrderProperties properties;
    private final TransactionalOperator transaction;
    private final CommunityService communities;
    private final TimeBankService timeBank;
    private final cn.linli.notification.NotificationService notifications;
    private final PhotoService photos;

    OrderService(OrderRepository orders, OrderAccess access, Dispatcher dispatcher, PartnerService partners,
                 Timers timers, OrderEvents events, OrderProperties properties, TransactionalOperator transaction,
                 CommunityService communities, TimeBankService timeBank,
                 cn.linli.notification.NotificationService notifications, PhotoService photos) {
        this.notifications = notifications;
        this.photos = photos;
        this.communities = communities;
        this.timeBank = timeBank;
        this.orders = orders;
        this.access = access;
        this.dispatcher = dispatcher;
        this.partners = partners;
        this.timers = timers;
        this.events = events;
        this.properties = properties;
        this.transaction = transaction;
    }

    // ---- queries ----

    Mono<ServiceOrder> order(String id) {
        return access.scope().flatMap(scope -> visibleOrder(scope, Ids.parse(id, "id")));
    }

    Mono<Connection<ServiceOrder>> myOrders(@Nullable String status, @Nullable Integer first, @Nullable String after) {
        return access.scope().flatMap(scope -> {
            PageRequest page = PageRequest.of(first, after);
            if (scope.households().isEmpty()) {
                return Mono.just(Connection.of(List.of(), page, ServiceOrder::position));
            }
            return orders.ofHouseholds(scope.householdIds(), status, page).collectList()
                    .map(rows -> Connection.of(rows, page, ServiceOrder::position));
        });
    }

    Mono<Connection<ServiceOrder>> dispatchQueue(String communityId, @Nullable String status, @Nullable String urgency,
                                                 @Nullable Boolean escalated, @Nullable Integer first,
                                                 @Nullable String after) {
        return access.scope().flatMap(scope -> {
            long community = Ids.parse(communityId, "communityId");
            PageRequest page = PageRequest.of(first, after);
            if (!scope.isStaffOf(community)) {
                return Mono.error(LinliException.forbidden());
            }
            return orders.queue(community, status, urgency, escalated, page).collectList()
                    .map(rows -> Connection.of(rows, page, ServiceOrder::position));
        });
    }

    Mono<Connection<ServiceOrder>> partnerInbox(String filter, @Nullable Integer first, @Nullable String after) {
        return access.scope().flatMap(scope -> {
            PartnerMember member = scope.requireMember();
            PageRequest page = PageRequest.of(first, after);
            return orders.inbox(member.partnerId(), filter, page).collectList()
                    .map(rows -> Connection.of(rows, page, ServiceOrder::position));
        });
    }

    Mono<List<DispatchCandidate>> dispatchCandidates(String orderId) {
        return access.scope().flatMap(scope -> findOrder(Ids.parse(orderId, "orderId"))
                .flatMap(order -> scope.isStaffOf(order.communityId()) ? dispatcher.candidates(order)
                        : Mono.error(LinliException.forbidden())));
    }

    // ---- resident ----

    Mono<ServiceOrder> placeOrder(OrderInputs.PlaceOrderInput input) {
        return access.scope().flatMap(scope -> {
            long householdId = Ids.parse(input.householdId(), "input.householdId");
            Household household = scope.households().stream().filter(h -> h.id() == householdId).findFirst()
                    .orElseThrow(LinliException::forbidden);
            String description = Check.text(input.description(), "input.description", "需求描述", 1000);
            List<Long> photoIds = PhotoService.parse(input.photoIds(), "input.photoIds");
            String phone = Objects.requireNonNull(Check.phone(input.contactPhone(), "input.contactPhone"));
            // unique per resident in the table, so the key needs no scoping
            String key = IdempotencyKeys.checked(input.idempotencyKey());
            if (input.preferredFrom() != null && input.preferredTo() != null
                    && !input.preferredTo().isAfter(input.preferredFrom())) {
                throw LinliException.invalid("input.preferredTo", "期望结束时间须晚于开始时间");
            }
            String hash = requestHash(input, household.id());
            return categoryAndOffering(input, household.communityId())
                    .flatMap(choice -> {
                        var row = new OrderRepository.NewOrder(household.id(), household.communityId(),
                                scope.viewer().accountId(), choice.categoryId(), choice.offeringId(), choice.dispatchMode(),
                                description, photoIds, input.preferredFrom(), input.preferredTo(), input.urgency(), phone,
                                key, hash);
                        OrderChange.Builder change = new OrderChange.Builder();
                        Mono<Placed> place = orders.insert(row)
                                // only a new order takes the photos: a replayed key returns the first order as it was
                                .flatMap(order -> photos.attach(scope.viewer().accountId(), photoIds, "input.photoIds")
                                        .thenReturn(order))
                                .flatMap(order -> orders.lockCommunity(order.communityId()).thenReturn(order))
                                .flatMap(order -> orders.insertEvent(order.id(), Actor.resident(scope.viewer().accountId()),
                                                null, "SUBMITTED", null, null)
                                        .then("ASSIGN".equals(order.dispatchMode()) ? Mono.just(order)
                                                : dispatcher.dispatchAutomatically(order, change))
                                        .map(placed -> new Placed(placed, true)))
                                .switchIfEmpty(Mono.defer(() -> orders.findByIdempotencyKey(scope.viewer().accountId(), key)
                                        .map(existing -> new Placed(existing, false))));
                        return transaction.transactional(place).retryWhen(TransactionRetry.onConflict()).flatMap(placed -> {
                            if (!placed.order().requestHash().equals(hash)) {
                                return Mono.error(new LinliException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                                        ErrorCode.IDEMPOTENCY_KEY_REUSED.defaultMessage(),
                                        Map.of("field", "input.idempotencyKey"), null));
                            }
                            return placed.created() ? publish(placed.order(), change) : Mono.just(placed.order());
                        });
                    });
        });
    }

    private record Placed(ServiceOrder order, boolean created) {
    }

    private record Choice(long categoryId, @Nullable Long offeringId, String dispatchMode) {
    }

    private Mono<Choice> categoryAndOffering(OrderInputs.PlaceOrderInput input, long communityId) {
        if (input.offeringId() != null) {
            long offeringId = Ids.parse(input.offeringId(), "input.offeringId");
            return partners.findOffering(offeringId)
                    .filter(offering -> offering.active())
                    .switchIfEmpty(Mono.error(() -> LinliException.invalid("input.offeringId", "该服务已下架")))
                    .flatMap(offering -> partners.hasValidContract(offering.partnerId(), communityId)
                            .flatMap(valid -> valid ? partners.categoriesByIds(List.of(offering.categoryId()))
                                    : Mono.error(LinliException.invalid("input.offeringId", "该服务不在本社区提供")))
                            .map(categories -> categories.get(offering.categoryId()))
                            .flatMap(category -> input.categoryCode() != null && !input.categoryCode().equals(category.code())
                                    ? Mono.error(LinliException.invalid("input.categoryCode", "服务类别与所选服务不一致"))
                                    : Mono.just(new Choice(category.id(), offering.id(), category.dispatchMode()))));
        }
        if (input.categoryCode() == null) {
            return Mono.error(LinliException.invalid("input.categoryCode", "请选择服务类别或具体服务"));
        }
        return partners.categoryByCode(input.categoryCode(), "input.categoryCode")
                .map(category -> new Choice(category.id(), null, category.dispatchMode()));
    }

    Mono<ServiceOrder> confirmOrder(OrderInputs.ConfirmOrderInput input) {
        int quality = Check.range(input.quality(), "input.quality", "服务质量评分", 1, 5);
        int punctuality = Check.range(input.punctuality(), "input.punctuality", "准时评分", 1, 5);
        int attitude = Check.range(input.attitude(), "input.attitude", "服务态度评分", 1, 5);
        String comment = Check.optionalText(input.comment(), "input.comment", "评价", 500);
        return transition(input.orderId(), (scope, order) -> {
            if (!scope.isResidentOf(order)) {
                return Mono.error(LinliException.forbidden());
            }
            return move(order, List.of("COMPLETED"), "CONFIRMED", Actor.resident(scope.viewer().accountId()), null,
                    "confirmed_at = now(), rating_quality = :q, rating_punctuality = :p, rating_attitude = :a,"
                            + " rating_comment = :c",
                    params("q", (short) quality, "p", (short) punctuality, "a", (short) attitude, "c", comment))
                    .flatMap(confirmed -> earnPoints(confirmed).thenReturn(confirmed));
        });
    }

    Mono<ServiceOrder> cancelOrder(OrderInputs.CancelOrderInput input) {
        String reason = Check.text(input.reason(), "input.reason", "取消原因", 500);
        return transition(input.orderId(), (scope, order) -> {
            Actor actor;
            List<String> allowed;
            if (scope.isStaffOf(order.communityId())) {
                actor = Actor.staff(scope.viewer().accountId());
                allowed = List.of("SUBMITTED", "DISPATCHED", "ACCEPTED", "IN_SERVICE", "COMPLETED");
            } else if (scope.isResidentOf(order)) {
                actor = Actor.resident(scope.viewer().accountId());
                allowed = List.of("SUBMITTED", "DISPATCHED");
            } else {
                return Mono.error(LinliException.forbidden());
            }
            OrderChange.Builder change = changeOf(order);
            return openOffersWithdrawn(order, change)
                    .then(order.holdsCapacity() ? partners.releaseCapacity(order.partnerId()) : Mono.empty())
                    .then(move(order, allowed, "CANCELLED", actor, reason, "accept_deadline = null", Map.of()))
                    .flatMap(cancelled -> timeBank.returnHold(order.id(), order.description()).thenReturn(cancelled))
                    .map(cancelled -> new Changed(cancelled, change));
        });
    }

    // ---- staff ----

    Mono<ServiceOrder> dispatchOrder(OrderInputs.DispatchOrderInput input) {
        long partnerId = Ids.parse(input.partnerId(), "input.partnerId");
        return transition(input.orderId(), (scope, order) -> {
            if (!scope.isStaffOf(order.communityId())) {
                return Mono.error(LinliException.forbidden());
            }
            if (!"SUBMITTED".equals(order.status())) {
                return Mono.error(invalidTransition(order));
            }
            OrderChange.Builder change = new OrderChange.Builder();
            return orders.declinedPartners(order.id())
                    .flatMap(declined -> partners.isEligible(partnerId, order.categoryId(), order.communityId(), declined))
                    .flatMap(eligible -> eligible ? partners.reserveCapacity(partnerId, order.id(), true)
                            : Mono.error(new LinliException(ErrorCode.PARTNER_NOT_ELIGIBLE)))
                    .flatMap(reserved -> reserved
                            ? dispatcher.dispatchTo(order, partnerId, Actor.staff(scope.viewer().accountId()), "社区派单", change)
                            : Mono.error(new LinliException(ErrorCode.PARTNER_AT_CAPACITY)))
                    .map(dispatched -> new Changed(dispatched, change));
        });
    }

    // ---- partner ----

    Mono<ServiceOrder> acceptOrder(OrderInputs.AcceptOrderInput input) {
        Long servingId = Ids.parseOptional(input.servingMemberId(), "input.servingMemberId");
        return transition(input.orderId(), (scope, order) -> {
            PartnerMember member = scope.requireMember();
            long serving = servingId == null ? member.id() : servingId;
            Mono<Void> checkServing = serving == member.id() ? Mono.empty()
                    : partners.membersByAccounts(List.of(serving)).flatMap(found -> {
                        PartnerMember other = found.get(serving);
                        return other != null && other.partnerId() == member.partnerId() ? Mono.<Void>empty()
                                : Mono.error(LinliException.invalid("input.servingMemberId", "服务人员须是本合伙人的成员"));
                    });
            Actor actor = Actor.partner(scope.viewer().accountId());
            if ("DISPATCHED".equals(order.status()) && Objects.equals(order.partnerId(), member.partnerId())) {
                return checkServing.then(requireBeforeDeadline(order))
                        .then(move(order, List.of("DISPATCHED"), "ACCEPTED", actor, null, "serving_member_id = :serving",
                                params("serving", serving)))
                        .flatMap(accepted -> holdPoints(accepted).then(tellResident(accepted, "ORDER_ACCEPTED", "合伙人已接单"))
                                .thenReturn(accepted));
            }
            if ("DISPATCHED".equals(order.status()) && order.partnerId() == null) {
                return orders.isOfferedTo(order.id(), member.partnerId()).flatMap(offered -> {
                    if (!offered) {
                        return Mono.error(LinliException.forbidden());
                    }
                    OrderChange.Builder change = changeOf(order);
                    return checkServing.then(requireBeforeDeadline(order))
                            .then(partners.reserveCapacity(member.partnerId(), order.id(), false))
                            .flatMap(reserved -> reserved ? Mono.just(true)
                                    : Mono.error(new LinliException(ErrorCode.PARTNER_AT_CAPACITY)))
                            .then(dispatcher.openOffers(order).filter(id -> id != member.partnerId())
                                    .doOnNext(id -> change.notify(id, "TAKEN")).then())
                            .then(orders.update(order.id(), List.of("DISPATCHED"),
                                    "status = 'ACCEPTED', partner_id = :partner, serving_member_id = :serving",
                                    "partner_id is null", params("partner", member.partnerId(), "serving", serving)))
                            .flatMap(accepted -> orders.insertEvent(order.id(), actor, "DISPATCHED", "ACCEPTED",
                                            member.partnerId(), "抢单成功")
                                    .then(holdPoints(accepted))
                                    .then(tellResident(accepted, "ORDER_ACCEPTED", "合伙人已接单"))
                                    .thenReturn(new Changed(accepted, change)));
                });
            }
            return Mono.error(invalidTransition(order));
        });
    }

    Mono<ServiceOrder> declineOrder(OrderInputs.DeclineOrderInput input) {
        String reason = Check.text(input.reason(), "input.reason", "拒单原因", 500);
        return transition(input.orderId(), (scope, order) -> {
            PartnerMember member = scope.requireMember();
            Actor actor = Actor.partner(scope.viewer().accountId());
            OrderChange.Builder change = new OrderChange.Builder();
            if ("DISPATCHED".equals(order.status()) && Objects.equals(order.partnerId(), member.partnerId())) {
                return dispatcher.redispatch(order, actor, reason, false, change).map(next -> new Changed(next, change));
            }
            if ("DISPATCHED".equals(order.status()) && order.partnerId() == null) {
                return orders.isOfferedTo(order.id(), member.partnerId()).flatMap(offered -> {
                    if (!offered) {
                        return Mono.error(LinliException.forbidden());
                    }
                    change.notify(member.partnerId(), "WITHDRAWN");
                    return orders.insertDecline(order.id(), member.partnerId(), reason, false)
                            .then(orders.insertEvent(order.id(), actor, "DISPATCHED", "DISPATCHED", member.partnerId(),
                                    "放弃抢单：" + reason))
                            .then(dispatcher.openOffers(order).hasElements())
                            .flatMap(othersLeft -> othersLeft ? Mono.just(order)
                                    : dispatcher.escalate(order, "所有合伙人都放弃了抢单，转社区人工派单"))
                            .map(next -> new Changed(next, change));
                });
            }
            return Mono.error(invalidTransition(order));
        });
    }

    Mono<ServiceOrder> startOrder(OrderInputs.StartOrderInput input) {
        return transition(input.orderId(), (scope, order) -> scope.isPartnerOf(order)
                ? move(order, List.of("ACCEPTED"), "IN_SERVICE", Actor.partner(scope.viewer().accountId()), null,
                "accept_deadline = null", Map.of())
                : Mono.error(LinliException.forbidden()));
    }

    Mono<ServiceOrder> completeOrder(OrderInputs.CompleteOrderInput input) {
        int minutes = Check.range(input.minutesSpent(), "input.minutesSpent", "服务时长（分钟）", 1, 1440);
        String notes = Check.optionalText(input.notes(), "input.notes", "服务记录", 1000);
        List<Long> photoIds = PhotoService.parse(input.photoIds(), "input.photoIds");
        return transition(input.orderId(), (scope, order) -> {
            if (!scope.isPartnerOf(order)) {
                return Mono.error(LinliException.forbidden());
            }
            Instant autoConfirmAt = Instant.now().plus(properties.autoConfirmAfter());
            return photos.attach(scope.viewer().accountId(), photoIds, "input.photoIds")
                    .then(move(order, List.of("IN_SERVICE"), "COMPLETED", Actor.partner(scope.viewer().accountId()), null,
                            "completed_at = now(), minutes_spent = :minutes, completion_notes = :notes,"
                                    + " completion_photo_ids = :photos",
                            params("minutes", minutes, "notes", notes, "photos", photoIds.toArray(Long[]::new))))
                    .flatMap(completed -> partners.releaseCapacity(order.partnerId())
                            .then(timers.schedule(AUTO_CONFIRM, order.id(), autoConfirmAt))
                            .then(timers.schedule(AUTO_CONFIRM_REMINDER, order.id(),
                                    autoConfirmAt.minus(reminderLead())))
                            .then(tellResident(completed, "ORDER_COMPLETED", "服务已完成，请确认并评价"))
                            .thenReturn(completed));
        });
    }

    // ---- timers (called by OrderTimers inside the timer's transaction) ----

    /** The accept deadline passed: take the order back and send it on (or to staff). No-op if it was answered. */
    Mono<Void> expireAcceptDeadline(long orderId) {
        OrderChange.Builder change = new OrderChange.Builder();
        return orders.lock(orderId)
                .filter(order -> "DISPATCHED".equals(order.status()) && order.acceptDeadline() != null
                        && !order.acceptDeadline().isAfter(Instant.now()))
                .flatMap(order -> order.partnerId() != null
                        ? dispatcher.redispatch(order, Actor.SYSTEM, "接单超时", true, change)
                        : dispatcher.openOffers(order).doOnNext(id -> change.notify(id, "WITHDRAWN")).then()
                                .then(dispatcher.escalate(order, "抢单超时无人接单，转社区人工派单")))
                .flatMap(order -> afterCommit(order, change))
                .then();
    }

    /** A day before auto-confirmation (or halfway, for shorter silences). */
    private java.time.Duration reminderLead() {
        java.time.Duration silence = properties.autoConfirmAfter();
        return silence.compareTo(java.time.Duration.ofDays(2)) >= 0 ? java.time.Duration.ofDays(1) : silence.dividedBy(2);
    }

    /** Timer: the resident hears that silence will confirm the order soon. No-op once it is confirmed. */
    Mono<Void> remindAutoConfirm(long orderId) {
        return orders.findById(orderId)
                .filter(order -> "COMPLETED".equals(order.status()))
                .flatMap(order -> tellResident(order, "ORDER_AUTO_CONFIRM_SOON", "服务订单即将自动确认，请及时评价"));
    }

    /** Silence after completion: the order confirms itself (without a rating). No-op if already confirmed. */
    Mono<Void> autoConfirm(long orderId) {
        return orders.lock(orderId)
                .filter(order -> "COMPLETED".equals(order.status()) && order.completedAt() != null
                        && !order.completedAt().plus(properties.autoConfirmAfter()).isAfter(Instant.now()))
                .flatMap(order -> move(order, List.of("COMPLETED"), "CONFIRMED", Actor.SYSTEM, "超时未确认，系统自动确认",
                        "confirmed_at = now()", Map.of()))
                .flatMap(confirmed -> earnPoints(confirmed).thenReturn(confirmed))
                .flatMap(order -> afterCommit(order, changeOf(order)))
                .then();
    }

    /**
     * Confirmation of volunteer service pays the serving member in time-bank points, in the confirming transaction;
     * the time bank keys the earning on the order, so it happens once however confirmation is retried or raced.
     */
    private Mono<Void> earnPoints(ServiceOrder order) {
        if (order.servingMemberId() == null) {
            return Mono.empty();
        }
        Mono<Void> payHold = timeBank.payHold(order.id(), order.servingMemberId(), order.description());
        if (order.minutesSpent() == null) {
            return payHold;
        }
        return Mono.zip(partners.categoriesByIds(List.of(order.categoryId())),
                        communities.householdsByIds(List.of(order.householdId())))
                .flatMap(t -> {
                    var category = t.getT1().get(order.categoryId());
                    var household = t.getT2().get(order.householdId());
                    if (category == null || !category.earnsPoints() || household == null) {
                        return Mono.empty();
                    }
                    String description = "为 " + household.label() + " 提供" + category.name() + "服务 "
                            + order.minutesSpent() + " 分钟";
                    return timeBank.earnForOrder(order.id(), order.communityId(), order.servingMemberId(),
                            order.minutesSpent(), description);
                })
                .then(payHold);
    }

    private Mono<Void> tellResident(ServiceOrder order, String kind, String title) {
        return notifications.notify(List.of(order.residentId()), kind, title, order.description(),
                "pages/order/detail?id=" + order.id());
    }

    /** A points-priced offering: the resident's points are held when a partner accepts, until confirmation. */
    private Mono<Void> holdPoints(ServiceOrder order) {
        if (order.offeringId() == null) {
            return Mono.empty();
        }
        return partners.findOffering(order.offeringId())
                .filter(offering -> "POINTS".equals(offering.priceKind()) && offering.pricePoints() != null)
                .flatMap(offering -> timeBank.holdForOrder(order.id(), order.communityId(), order.residentId(),
                        offering.pricePoints(), offering.title()));
    }

    // ---- batched reads for the GraphQL layer ----

    Mono<Map<Long, List<OrderEvent>>> timelines(java.util.Collection<Long> orderIds) {
        return orders.eventsOfOrders(orderIds).collect(java.util.stream.Collectors.groupingBy(OrderEvent::orderId));
    }

    Mono<Map<Long, OrderRepository.Scorecard>> scorecards(java.util.Collection<Long> partnerIds) {
        return orders.scorecards(partnerIds).collectMap(OrderRepository.Scorecard::partnerId);
    }

    Mono<OrderAccess.Scope> scope() {
        return access.scope();
    }

    Mono<ServiceOrder> visibleOrder(OrderAccess.Scope scope, long orderId) {
        return findOrder(orderId).flatMap(order -> access.canSee(scope, order)
                .flatMap(visible -> visible ? Mono.just(order) : Mono.error(LinliException.forbidden())));
    }

    Mono<ServiceOrder> findOrder(long orderId) {
        return orders.findById(orderId).switchIfEmpty(Mono.error(() -> LinliException.notFound("订单")));
    }

    // ---- the transition template ----

    /** What a transition produced: the order as it now stands and whom to tell. */
    private record Changed(ServiceOrder order, OrderChange.Builder change) {
    }

    /**
     * Runs {@code step} in a transaction on the locked order, then publishes the change. {@code step} returns either
     * the new order or a {@link Changed} carrying inbox notices.
     */
    private Mono<ServiceOrder> transition(String orderIdText,
                                          BiFunction<OrderAccess.Scope, ServiceOrder, Mono<?>> step) {
        return Mono.defer(() -> {
            long orderId = Ids.parse(orderIdText, "input.orderId");
            return access.scope().flatMap(scope -> {
                Mono<Changed> work = orders.lock(orderId)
                        .switchIfEmpty(Mono.error(() -> LinliException.notFound("订单")))
                        .flatMap(order -> access.canSee(scope, order).flatMap(visible -> visible
                                ? step.apply(scope, order).map(result -> result instanceof Changed changed ? changed
                                        : new Changed((ServiceOrder) result, changeOf((ServiceOrder) result)))
                                : lostOrForbidden(order, scope.member())));
                return transaction.transactional(work)
                        .retryWhen(TransactionRetry.onConflict())
                        .flatMap(changed -> publish(changed.order(), changed.change()));
            });
        });
    }

    /** A conditional status change with its timeline entry; ORDER_INVALID_TRANSITION when the status is not in {@code from}. */
    private Mono<ServiceOrder> move(ServiceOrder order, List<String> from, String to, Actor actor, @Nullable String reason,
                                    String set, Map<String, @Nullable Object> params) {
        if (!from.contains(order.status())) {
            return Mono.error(invalidTransition(order));
        }
        return orders.update(order.id(), from, "status = '" + to + "', " + set, "", params)
                .switchIfEmpty(Mono.error(() -> invalidTransition(order)))
                .flatMap(updated -> orders.insertEvent(order.id(), actor, order.status(), to, updated.partnerId(), reason)
                        .thenReturn(updated));
    }

    private Mono<ServiceOrder> publish(ServiceOrder order, OrderChange.Builder change) {
        return events.publish(change.build(order)).thenReturn(order);
    }

    /** For timer handlers, which run inside the timer's transaction: publish once it has committed. */
    private Mono<ServiceOrder> afterCommit(ServiceOrder order, OrderChange.Builder change) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(sync -> sync.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return events.publish(change.build(order));
                    }
                }))
                .thenReturn(order);
    }

    private OrderChange.Builder changeOf(ServiceOrder order) {
        OrderChange.Builder change = new OrderChange.Builder();
        if (order.partnerId() != null) {
            change.notify(order.partnerId(), "UPDATED");
        }
        return change;
    }

    private Mono<Void> openOffersWithdrawn(ServiceOrder order, OrderChange.Builder change) {
        if (!"DISPATCHED".equals(order.status()) || order.partnerId() != null) {
            return Mono.empty();
        }
        return dispatcher.openOffers(order).doOnNext(id -> change.notify(id, "WITHDRAWN")).then();
    }

    private Mono<Void> requireBeforeDeadline(ServiceOrder order) {
        Instant deadline = order.acceptDeadline();
        return deadline != null && deadline.isAfter(Instant.now()) ? Mono.empty()
                : Mono.error(new LinliException(ErrorCode.ORDER_ACCEPT_EXPIRED));
    }

    /**
     * Why a partner member cannot touch an order it no longer sees: another partner grabbed it first, or its own
     * accept deadline passed. Anyone else simply may not.
     */
    private Mono<Changed> lostOrForbidden(ServiceOrder order, @Nullable PartnerMember member) {
        if (member == null) {
            return Mono.error(LinliException.forbidden());
        }
        return orders.historyOf(order.id(), member.partnerId()).flatMap(history -> Mono.error(
                history.expired() ? new LinliException(ErrorCode.ORDER_ACCEPT_EXPIRED)
                        : history.offered() ? new LinliException(ErrorCode.ORDER_ALREADY_TAKEN)
                        : LinliException.forbidden()));
    }

    private static LinliException invalidTransition(ServiceOrder order) {
        return new LinliException(ErrorCode.ORDER_INVALID_TRANSITION,
                "订单当前状态（" + statusName(order.status()) + "）不允许此操作", Map.of("status", order.status()), null);
    }

    static String statusName(String status) {
        return switch (status) {
            case "SUBMITTED" -> "待派单";
            case "DISPATCHED" -> "待接单";
            case "ACCEPTED" -> "已接单";
            case "IN_SERVICE" -> "服务中";
            case "COMPLETED" -> "待确认";
            case "CONFIRMED" -> "已完成";
            default -> "已取消";
        };
    }

    private static Map<String, @Nullable Object> params(Object... pairs) {
        Map<String, @Nullable Object> map = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Fingerprint of what was asked, so a reused idempotency key with a different request is caught. */
    private static String requestHash(OrderInputs.PlaceOrderInput input, long householdId) {
        String canonical = String.join("\u0000", String.valueOf(householdId), String.valueOf(input.offeringId()),
                String.valueOf(input.categoryCode()), String.valueOf(input.description()).strip(),
                String.valueOf(input.photoIds()), String.valueOf(input.preferredFrom()),
                String.valueOf(input.preferredTo()), input.urgency(), String.valueOf(input.contactPhone()).strip());
        return IdempotencyKeys.sha256(canonical);
    }
}
