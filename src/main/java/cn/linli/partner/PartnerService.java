package cn.linli.partner;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Viewer;
import graphql.GraphQLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Red Partners as other features and the GraphQL layer read them: partners, members, categories, offerings, and the
 * eligibility and capacity rules dispatch relies on. Capacity is a guarded counter in the database, so concurrent
 * dispatches can never overfill it. Changes live in {@link PartnerOnboarding} and {@link OfferingService}.
 */
@Service
public class PartnerService {

    private final PartnerRepository partners;
    private final CategoryRepository categories;
    private final OfferingRepository offerings;
    private final DispatchRepository dispatch;
    private final PartnerAccess access;

    PartnerService(PartnerRepository partners, CategoryRepository categories, OfferingRepository offerings,
                   DispatchRepository dispatch, PartnerAccess access) {
        this.partners = partners;
        this.categories = categories;
        this.offerings = offerings;
        this.dispatch = dispatch;
        this.access = access;
    }

    // ---- queries of the viewer ----

    Mono<List<ServiceCategory>> serviceCategories() {
        return categories.all().collectList();
    }

    Mono<Partner> myPartner(Viewer viewer, GraphQLContext context) {
        return access.membership(viewer, context).flatMap(member -> findPartner(member.partnerId()));
    }

    // ---- for other features (dispatch, orders, rewards) ----

    public Mono<ServiceCategory> categoryByCode(String code, String field) {
        return categories.byCodes(List.of(code)).next()
                .switchIfEmpty(Mono.error(() -> LinliException.invalid(field, "没有这个服务类别：" + code)));
    }

    public Mono<Map<Long, ServiceCategory>> categoriesByIds(Collection<Long> ids) {
        return categories.byIds(ids).collectMap(ServiceCategory::id);
    }

    public Mono<Offering> findOffering(long id) {
        return offerings.byIds(List.of(id)).next()
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("服务项目")));
    }

    public Mono<Map<Long, Offering>> offeringsByIds(Collection<Long> ids) {
        return offerings.byIds(ids).collectMap(Offering::id);
    }

    public Mono<Partner> findPartner(long id) {
        return partners.partnersByIds(List.of(id)).next()
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("合伙人")));
    }

    public Mono<Map<Long, Partner>> partnersByIds(Collection<Long> ids) {
        return partners.partnersByIds(ids).collectMap(Partner::id);
    }

    /** The partner this account serves for, or empty. */
    public Mono<PartnerMember> membershipOf(long accountId) {
        return partners.membersByAccounts(List.of(accountId)).next();
    }

    public Mono<Map<Long, PartnerMember>> membersByAccounts(Collection<Long> accountIds) {
        return partners.membersByAccounts(accountIds).collectMap(PartnerMember::id);
    }

    public Mono<Map<Long, List<PartnerMember>>> membersOfPartners(Collection<Long> partnerIds) {
        return partners.membersOfPartners(partnerIds).collect(Collectors.groupingBy(PartnerMember::partnerId));
    }

    /** Partners that may take an order of this category in this community now, excluding those that declined it. */
    public Flux<EligiblePartner> eligible(long categoryId, long communityId, Collection<Long> excluded) {
        return dispatch.eligible(categoryId, communityId, excluded, null);
    }

    public Mono<Boolean> isEligible(long partnerId, long categoryId, long communityId, Collection<Long> excluded) {
        return dispatch.eligible(categoryId, communityId, excluded, partnerId).hasElements();
    }

    /**
     * Takes a unit of capacity for the order; false when the partner is full (or offline, when required). Joins the
     * dispatching feature's transaction (its entry point retries conflicts, never this method).
     */
    @Transactional
    public Mono<Boolean> reserveCapacity(long partnerId, long orderId, boolean requireOnline) {
        return dispatch.reserve(partnerId, orderId, requireOnline);
    }

    /** Gives a unit of capacity back, in the caller's transaction. */
    @Transactional
    public Mono<Void> releaseCapacity(long partnerId) {
        return dispatch.release(partnerId);
    }

    public Mono<Boolean> hasValidContract(long partnerId, long communityId) {
        return partners.hasValidContract(partnerId, communityId);
    }

    // ---- batched reads for the GraphQL layer ----

    Mono<Map<Long, List<ServiceCategory>>> categoriesOfPartners(Collection<Long> partnerIds) {
        return categories.ofPartners(partnerIds).collect(Collectors.groupingBy(
                CategoryRepository.PartnerCategory::partnerId,
                Collectors.mapping(CategoryRepository.PartnerCategory::category, Collectors.toList())));
    }

    Mono<Map<Long, List<Offering>>> offeringsOfPartners(Collection<Long> partnerIds) {
        return offerings.activeOfPartners(partnerIds).collect(Collectors.groupingBy(Offering::partnerId));
    }

    Mono<Map<Long, List<PartnerContract>>> contractsOfPartners(Collection<Long> partnerIds) {
        return partners.contractsOfPartners(partnerIds).collect(Collectors.groupingBy(PartnerContract::partnerId));
    }

    /** Members of the partners the viewer may see into (see {@link PartnerAccess#seesMembers}); others left out. */
    Mono<Map<Long, List<PartnerMember>>> membersVisibleTo(Viewer viewer, Collection<Long> partnerIds,
                                                          GraphQLContext context) {
        return Mono.zip(access.membersVisible(viewer, partnerIds, context), membersOfPartners(partnerIds))
                .map(t -> t.getT1().stream().collect(Collectors.toMap(id -> id,
                        id -> t.getT2().getOrDefault(id, List.of()))));
    }
}
