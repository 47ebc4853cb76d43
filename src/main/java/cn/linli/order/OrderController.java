package cn.linli.order;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.linli.community.CommunityService;
import cn.linli.community.Household;
import cn.linli.identity.Account;
import cn.linli.identity.IdentityService;
import cn.linli.partner.Offering;
import cn.linli.partner.Partner;
import cn.linli.partner.PartnerService;
import cn.linli.partner.ServiceCategory;
import cn.linli.photo.PhotoService;
import cn.linli.platform.graphql.Batches;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.security.PhoneMask;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL mappings for orders. Every nested field is batched: the statements a page costs do not grow with its size. */
@Controller
class OrderController {

    private final OrderService service;
    private final PartnerService partners;
    private final CommunityService communities;
    private final IdentityService identity;
    private final PhotoService photos;

    OrderController(OrderService service, PartnerService partners, CommunityService communities,
                    IdentityService identity, PhotoService photos) {
        this.service = service;
        this.partners = partners;
        this.communities = communities;
        this.identity = identity;
        this.photos = photos;
    }

    @QueryMapping
    Mono<ServiceOrder> order(@Argument String id) {
        return service.order(id);
    }

    @QueryMapping
    Mono<Connection<ServiceOrder>> myOrders(@Argument @Nullable String status, @Argument @Nullable Integer first,
                                            @Argument @Nullable String after) {
        return service.myOrders(status, first, after);
    }

    @QueryMapping
    Mono<Connection<ServiceOrder>> dispatchQueue(@Argument String communityId, @Argument @Nullable String status,
                                                 @Argument @Nullable String urgency, @Argument @Nullable Boolean escalated,
                                                 @Argument @Nullable Integer first, @Argument @Nullable String after) {
        return service.dispatchQueue(communityId, status, urgency, escalated, first, after);
    }

    @QueryMapping
    Mono<Connection<ServiceOrder>> partnerInbox(@Argument String filter, @Argument @Nullable Integer first,
                                                @Argument @Nullable String after) {
        return service.partnerInbox(filter, first, after);
    }

    @QueryMapping
    Mono<List<DispatchCandidate>> dispatchCandidates(@Argument String orderId) {
        return service.dispatchCandidates(orderId);
    }

    @MutationMapping
    Mono<ServiceOrder> placeOrder(@Argument OrderInputs.PlaceOrderInput input) {
        return service.placeOrder(input);
    }

    @MutationMapping
    Mono<ServiceOrder> dispatchOrder(@Argument OrderInputs.DispatchOrderInput input) {
        return service.dispatchOrder(input);
    }

    @MutationMapping
    Mono<ServiceOrder> acceptOrder(@Argument OrderInputs.AcceptOrderInput input) {
        return service.acceptOrder(input);
    }

    @MutationMapping
    Mono<ServiceOrder> declineOrder(@Argument OrderInputs.DeclineOrderInput input) {
        return service.declineOrder(input);
    }

    @MutationMapping
    Mono<ServiceOrder> startOrder(@Argument OrderInputs.StartOrderInput input) {
        return service.startOrder(input);
    }

    @MutationMapping
    Mono<ServiceOrder> completeOrder(@Argument OrderInputs.CompleteOrderInput input) {
        return service.completeOrder(input);
    }

    @MutationMapping
    Mono<ServiceOrder> confirmOrder(@Argument OrderInputs.ConfirmOrderInput input) {
        return service.confirmOrder(input);
    }

    @MutationMapping
    Mono<ServiceOrder> cancelOrder(@Argument OrderInputs.CancelOrderInput input) {
        return service.cancelOrder(input);
    }

    // ---- Order's nested fields ----

    @BatchMapping(typeName = "Order", field = "category")
    Mono<Map<ServiceOrder, ServiceCategory>> categoryOfOrder(List<ServiceOrder> orders) {
        return Batches.one(orders, ServiceOrder::categoryId, partners::categoriesByIds);
    }

    @BatchMapping(typeName = "Order", field = "offering")
    Mono<Map<ServiceOrder, Offering>> offeringOfOrder(List<ServiceOrder> orders) {
        return Batches.one(orders, order -> order.offeringId() == null ? 0L : order.offeringId(), partners::offeringsByIds);
    }

    @BatchMapping(typeName = "Order", field = "household")
    Mono<Map<ServiceOrder, Household>> householdOfOrder(List<ServiceOrder> orders) {
        return Batches.one(orders, ServiceOrder::householdId, communities::householdsByIds);
    }

    @BatchMapping(typeName = "Order", field = "partner")
    Mono<Map<ServiceOrder, Partner>> partnerOfOrder(List<ServiceOrder> orders) {
        return Batches.one(orders, order -> order.partnerId() == null ? 0L : order.partnerId(), partners::partnersByIds);
    }

    @BatchMapping(typeName = "Order", field = "resident")
    Mono<Map<ServiceOrder, OrderPerson>> residentOfOrder(List<ServiceOrder> orders) {
        return Batches.one(orders, ServiceOrder::residentId, this::people);
    }

    @BatchMapping(typeName = "Order", field = "servingMember")
    Mono<Map<ServiceOrder, OrderPerson>> servingMemberOfOrder(List<ServiceOrder> orders) {
        return Batches.one(orders, order -> order.servingMemberId() == null ? 0L : order.servingMemberId(), this::people);
    }

    @BatchMapping(typeName = "Order", field = "timeline")
    Mono<Map<ServiceOrder, List<OrderEvent>>> timelineOfOrder(List<ServiceOrder> orders) {
        return Batches.many(orders, ServiceOrder::id, service::timelines);
    }

    /** Signed links to the resident's photos, for whoever may see the order (computed, no database access). */
    @SchemaMapping(typeName = "Order", field = "photoUrls")
    List<String> photoUrlsOfOrder(ServiceOrder order, GraphQLContext context) {
        return photos.urls(order.photoIds(), context);
    }

    @SchemaMapping(typeName = "Order", field = "completionPhotoUrls")
    List<String> completionPhotoUrlsOfOrder(ServiceOrder order, GraphQLContext context) {
        return photos.urls(order.completionPhotoIds(), context);
    }

    /**
     * The resident's phone: in full to the resident, staff, and the partner while it serves the order (accepted or
     * in service); masked to a partner before it accepts and after completion.
     */
    @BatchMapping(typeName = "Order", field = "contactPhone")
    Mono<Map<ServiceOrder, String>> contactPhoneOfOrder(List<ServiceOrder> orders) {
        return service.scope().map(scope -> {
            Map<ServiceOrder, String> phones = new HashMap<>();
            for (ServiceOrder order : orders) {
                boolean serving = scope.isPartnerOf(order)
                        && ("ACCEPTED".equals(order.status()) || "IN_SERVICE".equals(order.status()));
                boolean full = scope.isResidentOf(order) || scope.isStaffOf(order.communityId()) || serving;
                phones.put(order, full ? order.contactPhone() : String.valueOf(PhoneMask.mask(order.contactPhone())));
            }
            return phones;
        });
    }

    @BatchMapping(typeName = "OrderEvent", field = "actor")
    Mono<Map<OrderEvent, OrderPerson>> actorOfEvent(List<OrderEvent> events) {
        return Batches.one(events, event -> event.actorId() == null ? 0L : event.actorId(), this::people);
    }

    @BatchMapping(typeName = "OrderEvent", field = "partner")
    Mono<Map<OrderEvent, Partner>> partnerOfEvent(List<OrderEvent> events) {
        return Batches.one(events, event -> event.partnerId() == null ? 0L : event.partnerId(), partners::partnersByIds);
    }

    @BatchMapping(typeName = "Partner", field = "scorecard")
    Mono<Map<Partner, OrderRepository.Scorecard>> scorecardOfPartner(List<Partner> partnerList) {
        return Batches.one(partnerList, Partner::id, service::scorecards);
    }

    private Mono<Map<Long, OrderPerson>> people(java.util.Collection<Long> accountIds) {
        return identity.accountsByIds(accountIds).map(accounts -> {
            Map<Long, OrderPerson> people = new HashMap<>();
            for (Account account : accounts.values()) {
                people.put(account.id(), new OrderPerson(account.id(), account.nickname()));
            }
            return people;
        });
    }
}
