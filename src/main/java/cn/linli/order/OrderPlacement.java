package cn.linli.order;

import java.util.List;

import cn.linli.community.Household;
import cn.linli.partner.PartnerService;
import cn.linli.photo.PhotoService;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.idempotency.IdempotencyKeys;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * A resident places an order: one transaction inserts it (or finds the one placed before with the same idempotency
 * key), records it in the timeline and, unless staff assign its category, dispatches it at once.
 */
@Service
class OrderPlacement {

    private final OrderRepository orders;
    private final OrderTimeline timeline;
    private final Dispatcher dispatcher;
    private final PartnerService partners;
    private final PhotoService photos;
    private final OrderMoves moves;

    OrderPlacement(OrderRepository orders, OrderTimeline timeline, Dispatcher dispatcher, PartnerService partners,
                   PhotoService photos, OrderMoves moves) {
        this.orders = orders;
        this.timeline = timeline;
        this.dispatcher = dispatcher;
        this.partners = partners;
        this.photos = photos;
        this.moves = moves;
    }

    private record Choice(long categoryId, @Nullable Long offeringId, DispatchMode dispatchMode) {
    }

    /** The resident's mutation: a transaction of its own, retried whole on a serialization failure or deadlock. */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<ServiceOrder> placeOrder(OrderAccess.Scope scope, OrderInputs.PlaceOrderInput input) {
        return place(scope, input);
    }

    /**
     * For another feature placing an order inside its own transaction ({@link LinkedOrders}): no retry here — a
     * retry inside a transaction that a conflict aborted cannot succeed; the caller's entry point retries the whole.
     */
    @Transactional
    public Mono<ServiceOrder> placeInCallersTransaction(OrderAccess.Scope scope, OrderInputs.PlaceOrderInput input) {
        return place(scope, input);
    }

    private Mono<ServiceOrder> place(OrderAccess.Scope scope, OrderInputs.PlaceOrderInput input) {
        return Mono.defer(() -> {
            Household household = scope.requireHousehold(Ids.parse(input.householdId(), "input.householdId"));
            if (household.retired()) {
                // a retired household keeps its members and its past orders, but is no longer an address to serve
                throw new LinliException(ErrorCode.PLACE_RETIRED, "该房屋已停用，不能下单");
            }
            List<Long> photoIds = PhotoService.parse(input.photoIds(), "input.photoIds");
            // unique per resident in the table, so the key needs no scoping
            String key = IdempotencyKeys.checked(input.idempotencyKey());
            if (input.preferredFrom() != null && input.preferredTo() != null
                    && !input.preferredTo().isAfter(input.preferredFrom())) {
                throw LinliException.invalid("input.preferredTo", "期望结束时间须晚于开始时间");
            }
            String hash = requestHash(input, household.id());
            long resident = scope.viewer().accountId();
            return choice(input, household.communityId())
                    .map(choice -> new OrderRepository.NewOrder(household.id(), household.communityId(), resident,
                            choice.categoryId(), choice.offeringId(), choice.dispatchMode(), input.description(),
                            photoIds, input.preferredFrom(), input.preferredTo(), input.urgency(),
                            input.contactPhone(), key, hash))
                    .flatMap(row -> orders.insert(row)
                            .flatMap(order -> placed(order, resident, photoIds))
                            .switchIfEmpty(Mono.defer(() -> replayed(resident, key, hash))));
        });
    }

    /** A new order takes the photos and is dispatched (a replayed key returns the first order as it was). */
    private Mono<ServiceOrder> placed(ServiceOrder order, long resident, List<Long> photoIds) {
        OrderChange.Builder change = new OrderChange.Builder();
        return photos.attach(resident, photoIds, "input.photoIds")
                .then(orders.lockCommunity(order.communityId()))
                .then(timeline.record(order.id(), Actor.resident(resident), null, order.status(), null, null))
                .then(Mono.defer(() -> order.dispatchMode() == DispatchMode.ASSIGN ? Mono.just(order)
                        : dispatcher.dispatchAutomatically(order, change)))
                .flatMap(dispatched -> moves.published(dispatched, change));
    }

    /** The order this key placed before, if it was asked for with the same request. */
    private Mono<ServiceOrder> replayed(long resident, String key, String hash) {
        return orders.findByIdempotencyKey(resident, key)
                .flatMap(existing -> IdempotencyKeys.ifSameRequest(existing.requestHash(), hash, () -> Mono.just(existing)));
    }


    private Mono<Choice> choice(OrderInputs.PlaceOrderInput input, long communityId) {
        if (input.offeringId() != null) {
            return offeringChoice(input, Ids.parse(input.offeringId(), "input.offeringId"), communityId);
        }
        if (input.categoryCode() == null) {
            return Mono.error(LinliException.invalid("input.categoryCode", "请选择服务类别或具体服务"));
        }
        return partners.categoryByCode(input.categoryCode(), "input.categoryCode")
                .map(category -> new Choice(category.id(), null, DispatchMode.of(category.dispatchMode())));
    }

    private Mono<Choice> offeringChoice(OrderInputs.PlaceOrderInput input, long offeringId, long communityId) {
        return partners.findOffering(offeringId)
                .filter(offering -> offering.active())
                .switchIfEmpty(Mono.error(() -> LinliException.invalid("input.offeringId", "该服务已下架")))
                .flatMap(offering -> partners.hasValidContract(offering.partnerId(), communityId)
                        .flatMap(valid -> valid ? partners.categoriesByIds(List.of(offering.categoryId()))
                                : Mono.error(LinliException.invalid("input.offeringId", "该服务不在本社区提供")))
                        .map(categories -> categories.get(offering.categoryId()))
                        .flatMap(category -> input.categoryCode() != null && !input.categoryCode().equals(category.code())
                                ? Mono.error(LinliException.invalid("input.categoryCode", "服务类别与所选服务不一致"))
                                : Mono.just(new Choice(category.id(), offering.id(),
                                        DispatchMode.of(category.dispatchMode())))));
    }

    /** Fingerprint of what was asked, so a reused idempotency key with a different request is caught. */
    private static String requestHash(OrderInputs.PlaceOrderInput input, long householdId) {
        String canonical = String.join("\u0000", String.valueOf(householdId), String.valueOf(input.offeringId()),
                String.valueOf(input.categoryCode()), String.valueOf(input.description()).strip(),
                String.valueOf(input.photoIds()), String.valueOf(input.preferredFrom()),
                String.valueOf(input.preferredTo()), input.urgency().name(), String.valueOf(input.contactPhone()).strip());
        return IdempotencyKeys.sha256(canonical);
    }
}
