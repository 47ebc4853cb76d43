package cn.linli.order;

import java.util.Collection;
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
import cn.linli.platform.crypto.PersonalDataCipher;
import cn.linli.platform.graphql.Batches;
import cn.linli.platform.security.PhoneMask;
import cn.linli.privacy.DataAccessKind;
import cn.linli.privacy.DataAccessLog;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The nested fields of orders, all batched: the statements a page costs do not grow with its size. */
@Controller
class OrderFieldsController {

    private final OrderQueries queries;
    private final OrderAccess access;
    private final PartnerService partners;
    private final CommunityService communities;
    private final IdentityService identity;
    private final PhotoService photos;
    private final DataAccessLog accessLog;

    private final PersonalDataCipher cipher;

    OrderFieldsController(OrderQueries queries, OrderAccess access, PartnerService partners,
                          CommunityService communities, IdentityService identity, PhotoService photos,
                          PersonalDataCipher cipher, DataAccessLog accessLog) {
        this.cipher = cipher;
        this.accessLog = accessLog;
        this.queries = queries;
        this.access = access;
        this.partners = partners;
        this.communities = communities;
        this.identity = identity;
        this.photos = photos;
    }

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
        return Batches.many(orders, ServiceOrder::id, queries::timelines);
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
     * The resident's phone, in full or masked as {@link OrderAccess.Scope#seesPhone} decides, against the scope the
     * operation already loaded (no second load). Without one, everything is masked.
     */
    @BatchMapping(typeName = "Order", field = "contactPhone")
    Mono<Map<ServiceOrder, String>> contactPhoneOfOrder(List<ServiceOrder> orders, GraphQLContext context) {
        return access.loadedScope(context)
                .doOnNext(scope -> accessLog.seen(scope.viewer().accountId(), orders.stream().filter(scope::seesPhone)
                        .map(ServiceOrder::residentId).toList(), DataAccessKind.ORDER_CONTACT_PHONE))
                .map(scope -> phones(orders, scope))
                .switchIfEmpty(Mono.fromSupplier(() -> phones(orders, null)));
    }

    private Map<ServiceOrder, String> phones(List<ServiceOrder> orders, OrderAccess.@Nullable Scope scope) {
        Map<ServiceOrder, String> phones = new HashMap<>();
        for (ServiceOrder order : orders) {
            boolean full = scope != null && scope.seesPhone(order);
            String phone = String.valueOf(cipher.open(order.contactPhone()));
            phones.put(order, full ? phone : String.valueOf(PhoneMask.mask(phone)));
        }
        return phones;
    }

    @BatchMapping(typeName = "Partner", field = "scorecard")
    Mono<Map<Partner, Scorecard>> scorecardOfPartner(List<Partner> partnerList) {
        return Batches.one(partnerList, Partner::id, queries::scorecards);
    }

    private Mono<Map<Long, OrderPerson>> people(Collection<Long> accountIds) {
        return identity.accountsByIds(accountIds).map(accounts -> {
            Map<Long, OrderPerson> people = new HashMap<>();
            for (Account account : accounts.values()) {
                people.put(account.id(), new OrderPerson(account.id(), account.nickname()));
            }
            return people;
        });
    }
}
