package cn.linli.partner;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.linli.community.CommunityService;
import cn.linli.identity.IdentityService;
import cn.linli.platform.error.Check;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Role;
import cn.linli.platform.security.Viewer;
import cn.linli.platform.security.Viewers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Red Partners: onboarding under contract, members, offerings, online status, and the capacity and eligibility rules
 * dispatch relies on. Capacity is a guarded counter in the database, so concurrent dispatches can never overfill it.
 */
@Service
public class PartnerService {

    private final PartnerRepository repository;
    private final CommunityService communities;
    private final IdentityService identity;
    private final TransactionalOperator transaction;

    PartnerService(PartnerRepository repository, CommunityService communities, IdentityService identity,
                   TransactionalOperator transaction) {
        this.repository = repository;
        this.communities = communities;
        this.identity = identity;
        this.transaction = transaction;
    }

    // ---- queries ----

    Mono<List<ServiceCategory>> serviceCategories() {
        return Viewers.current().then(repository.categories().collectList());
    }

    Mono<Partner> partner(String id) {
        return Viewers.current().then(Mono.defer(() -> findPartner(Ids.parse(id, "id"))));
    }

    Mono<Partner> myPartner() {
        return Viewers.current().flatMap(viewer -> membershipOf(viewer.accountId()))
                .flatMap(member -> findPartner(member.partnerId()));
    }

    Mono<Connection<Offering>> offerings(String communityId, @Nullable String categoryCode, @Nullable Integer first,
                                         @Nullable String after) {
        return Viewers.current().then(Mono.defer(() -> {
            long community = Ids.parse(communityId, "communityId");
            PageRequest page = PageRequest.of(first, after);
            Mono<java.util.Optional<Long>> category = categoryCode == null ? Mono.just(java.util.Optional.empty())
                    : categoryByCode(categoryCode, "categoryCode").map(found -> java.util.Optional.of(found.id()));
            return category.flatMap(id -> repository.offeringsInCommunity(community, id.orElse(null), page).collectList())
                    .map(rows -> Connection.of(rows, page, Offering::position));
        }));
    }

    // ---- mutations ----

    Mono<Partner> onboard(PartnerInputs.OnboardPartnerInput input) {
        return Viewers.current().flatMap(viewer -> {
            long communityId = Ids.parse(input.communityId(), "input.communityId");
            String name = Check.text(input.name(), "input.name", "合伙人名称", 60);
            String description = Check.optionalText(input.description(), "input.description", "简介", 500);
            String phone = Check.phone(input.contactPhone(), "input.contactPhone");
            int capacity = Check.range(input.capacity(), "input.capacity", "同时接单上限", 1, 1000);
            if (input.validTo().isBefore(input.validFrom())) {
                throw LinliException.invalid("input.validTo", "合同结束日期不能早于开始日期");
            }
            if (input.categoryCodes().isEmpty() || input.categoryCodes().size() > 20) {
                throw LinliException.invalid("input.categoryCodes", "请选择 1 到 20 个服务类别");
            }
            Long adminId = Ids.parseOptional(input.adminAccountId(), "input.adminAccountId");
            return communities.requireStaffOf(viewer, communityId)
                    .then(categoriesByCodes(input.categoryCodes()))
                    .flatMap(categories -> transaction.transactional(
                            repository.insertPartner(name, input.kind(), description, phone, capacity)
                                    .flatMap(partnerId -> repository.addCategories(partnerId, categories)
                                            .then(repository.insertContract(partnerId, communityId, input.validFrom(),
                                                    input.validTo(), viewer.accountId()))
                                            .then(adminId == null ? Mono.empty() : addMember(partnerId, adminId, "ADMIN"))
                                            .thenReturn(partnerId))))
                    .flatMap(this::findPartner);
        });
    }

    Mono<Partner> addPartnerMember(PartnerInputs.AddPartnerMemberInput input) {
        return Viewers.current().flatMap(viewer -> {
            long partnerId = Ids.parse(input.partnerId(), "input.partnerId");
            long accountId = Ids.parse(input.accountId(), "input.accountId");
            return findPartner(partnerId)
                    .then(requireManager(viewer, partnerId))
                    .then(transaction.transactional(addMember(partnerId, accountId, input.role())))
                    .then(findPartner(partnerId));
        });
    }

    Mono<Partner> setOnline(boolean online) {
        return Viewers.current().flatMap(viewer -> requireMembership(viewer)
                .flatMap(member -> repository.setOnline(member.partnerId(), online).then(findPartner(member.partnerId()))));
    }

    Mono<Offering> createOffering(PartnerInputs.CreateOfferingInput input) {
        return Viewers.current().flatMap(viewer -> {
            String title = Check.text(input.title(), "input.title", "服务名称", 60);
            String description = Check.optionalText(input.description(), "input.description", "服务说明", 1000);
            int minutes = Check.range(input.estimatedMinutes(), "input.estimatedMinutes", "预计时长（分钟）", 1, 1440);
            Integer points = null;
            Integer fen = null;
            switch (input.priceKind()) {
                case "POINTS" -> points = Check.range(require(input.pricePoints(), "input.pricePoints"),
                        "input.pricePoints", "积分价格", 1, 100_000);
                case "CASH" -> fen = Check.range(require(input.priceFen(), "input.priceFen"),
                        "input.priceFen", "价格（分）", 1, 10_000_000);
                default -> {
                    if (input.pricePoints() != null || input.priceFen() != null) {
                        throw LinliException.invalid("input.priceKind", "免费服务不能设置价格");
                    }
                }
            }
            Integer pricePoints = points;
            Integer priceFen = fen;
            return requireAdmin(viewer)
                    .flatMap(member -> categoryByCode(input.categoryCode(), "input.categoryCode")
                            .flatMap(category -> servesCategory(member.partnerId(), category.id())
                                    .then(repository.insertOffering(member.partnerId(), category.id(), title, description,
                                            input.priceKind(), pricePoints, priceFen, minutes))))
                    .flatMap(this::findOffering);
        });
    }

    Mono<Offering> updateOffering(PartnerInputs.UpdateOfferingInput input) {
        return Viewers.current().flatMap(viewer -> {
            long offeringId = Ids.parse(input.offeringId(), "input.offeringId");
            String title = Check.optionalText(input.title(), "input.title", "服务名称", 60);
            String description = Check.optionalText(input.description(), "input.description", "服务说明", 1000);
            Integer minutes = input.estimatedMinutes() == null ? null
                    : Check.range(input.estimatedMinutes(), "input.estimatedMinutes", "预计时长（分钟）", 1, 1440);
            return findOffering(offeringId)
                    .flatMap(offering -> requireAdmin(viewer)
                            .filter(member -> member.partnerId() == offering.partnerId())
                            .switchIfEmpty(Mono.error(LinliException::forbidden)))
                    .then(repository.updateOffering(offeringId, title, description, minutes, input.active()))
                    .then(findOffering(offeringId));
        });
    }

    // ---- for other features (dispatch) ----

    public Mono<ServiceCategory> categoryByCode(String code, String field) {
        return repository.categoriesByCodes(List.of(code)).next()
                .switchIfEmpty(Mono.error(() -> LinliException.invalid(field, "没有这个服务类别：" + code)));
    }

    public Mono<Map<Long, ServiceCategory>> categoriesByIds(Collection<Long> ids) {
        return repository.categoriesByIds(ids).collectMap(ServiceCategory::id);
    }

    public Mono<Offering> findOffering(long id) {
        return repository.offeringsByIds(List.of(id)).next()
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("服务项目")));
    }

    public Mono<Map<Long, Offering>> offeringsByIds(Collection<Long> ids) {
        return repository.offeringsByIds(ids).collectMap(Offering::id);
    }

    public Mono<Partner> findPartner(long id) {
        return repository.partnersByIds(List.of(id)).next()
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("合伙人")));
    }

    public Mono<Map<Long, Partner>> partnersByIds(Collection<Long> ids) {
        return repository.partnersByIds(ids).collectMap(Partner::id);
    }

    /** The partner this account serves for, or empty. */
    public Mono<PartnerMember> membershipOf(long accountId) {
        return repository.membersByAccounts(List.of(accountId)).next();
    }

    public Mono<Map<Long, PartnerMember>> membersByAccounts(Collection<Long> accountIds) {
        return repository.membersByAccounts(accountIds).collectMap(PartnerMember::id);
    }

    public Mono<Map<Long, List<PartnerMember>>> membersOfPartners(Collection<Long> partnerIds) {
        return repository.membersOfPartners(partnerIds).collect(Collectors.groupingBy(PartnerMember::partnerId));
    }

    /** Partners that may take an order of this category in this community now, excluding those that declined it. */
    public Flux<EligiblePartner> eligible(long categoryId, long communityId, Collection<Long> excluded) {
        return repository.eligible(categoryId, communityId, excluded, null);
    }

    public Mono<Boolean> isEligible(long partnerId, long categoryId, long communityId, Collection<Long> excluded) {
        return repository.eligible(categoryId, communityId, excluded, partnerId).hasElements();
    }

    /** Takes a unit of capacity for the order; false when the partner is full (or offline, when required). */
    public Mono<Boolean> reserveCapacity(long partnerId, long orderId, boolean requireOnline) {
        return repository.reserve(partnerId, orderId, requireOnline);
    }

    public Mono<Void> releaseCapacity(long partnerId) {
        return repository.release(partnerId);
    }

    public Mono<Boolean> hasValidContract(long partnerId, long communityId) {
        return repository.hasValidContract(partnerId, communityId);
    }

    // ---- batched reads for the GraphQL layer ----

    Mono<Map<Long, List<ServiceCategory>>> categoriesOfPartners(Collection<Long> partnerIds) {
        return repository.categoriesOfPartners(partnerIds).collect(Collectors.groupingBy(
                PartnerRepository.PartnerCategory::partnerId,
                Collectors.mapping(PartnerRepository.PartnerCategory::category, Collectors.toList())));
    }

    Mono<Map<Long, List<Offering>>> offeringsOfPartners(Collection<Long> partnerIds) {
        return repository.activeOfferingsOfPartners(partnerIds).collect(Collectors.groupingBy(Offering::partnerId));
    }

    Mono<Map<Long, List<PartnerContract>>> contractsOfPartners(Collection<Long> partnerIds) {
        return repository.contractsOfPartners(partnerIds).collect(Collectors.groupingBy(PartnerContract::partnerId));
    }

    /** Members of the partners the viewer may see into: their own partner, or partners serving their community. */
    Mono<Map<Long, List<PartnerMember>>> membersVisibleToViewer(Collection<Long> partnerIds) {
        return Viewers.current().flatMap(viewer -> Mono.zip(
                        membershipOf(viewer.accountId()).map(PartnerMember::partnerId).defaultIfEmpty(0L),
                        communities.staffByAccounts(List.of(viewer.accountId())),
                        repository.contractsOfPartners(partnerIds).collectList(),
                        membersOfPartners(partnerIds))
                .map(t -> {
                    Long staffCommunity = t.getT2().containsKey(viewer.accountId())
                            ? t.getT2().get(viewer.accountId()).communityId() : null;
                    Set<Long> visible = new HashSet<>();
                    for (long partnerId : partnerIds) {
                        boolean own = t.getT1() == partnerId;
                        boolean serves = staffCommunity != null && t.getT3().stream().anyMatch(
                                c -> c.partnerId() == partnerId && c.communityId() == staffCommunity);
                        if (own || serves || viewer.has(Role.ADMIN)) {
                            visible.add(partnerId);
                        }
                    }
                    return visible.stream().collect(Collectors.toMap(id -> id,
                            id -> t.getT4().getOrDefault(id, List.of())));
                }));
    }

    // ---- rules ----

    private Mono<Void> addMember(long partnerId, long accountId, String role) {
        return identity.grantRole(accountId, Role.PARTNER)
                .then(repository.addMember(partnerId, accountId, role))
                .flatMap(added -> added ? Mono.<Void>empty()
                        : Mono.error(new LinliException(ErrorCode.ALREADY_PARTNER_MEMBER)));
    }

    private Mono<List<Long>> categoriesByCodes(List<String> codes) {
        return repository.categoriesByCodes(codes).map(ServiceCategory::id).collectList().flatMap(ids ->
                ids.size() == new HashSet<>(codes).size() ? Mono.just(ids)
                        : Mono.error(LinliException.invalid("input.categoryCodes", "服务类别无效")));
    }

    private Mono<Void> servesCategory(long partnerId, long categoryId) {
        return repository.categoriesOfPartners(List.of(partnerId))
                .filter(pc -> pc.category().id() == categoryId).hasElements()
                .flatMap(serves -> serves ? Mono.<Void>empty()
                        : Mono.error(LinliException.invalid("input.categoryCode", "该合伙人不提供这个类别的服务")));
    }

    private Mono<PartnerMember> requireMembership(Viewer viewer) {
        return membershipOf(viewer.accountId()).switchIfEmpty(Mono.error(LinliException::forbidden));
    }

    private Mono<PartnerMember> requireAdmin(Viewer viewer) {
        return requireMembership(viewer).filter(PartnerMember::isAdmin).switchIfEmpty(Mono.error(LinliException::forbidden));
    }

    /** Partner admins manage their own partner; staff manage partners under contract with their community. */
    private Mono<Void> requireManager(Viewer viewer, long partnerId) {
        if (viewer.has(Role.ADMIN)) {
            return Mono.empty();
        }
        return membershipOf(viewer.accountId())
                .filter(member -> member.partnerId() == partnerId && member.isAdmin())
                .map(member -> true)
                .switchIfEmpty(communities.staffByAccounts(List.of(viewer.accountId()))
                        .flatMap(staff -> staff.containsKey(viewer.accountId())
                                ? repository.hasValidContract(partnerId, staff.get(viewer.accountId()).communityId())
                                : Mono.just(false)))
                .flatMap(allowed -> allowed ? Mono.<Void>empty() : Mono.error(LinliException.forbidden()));
    }

    private static int require(@Nullable Integer value, String field) {
        if (value == null) {
            throw LinliException.invalid(field, "请填写价格");
        }
        return value;
    }
}
