package cn.linli.partner;

import java.util.HashSet;
import java.util.List;

import cn.linli.identity.IdentityService;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Role;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** Onboarding a partner under contract, adding its members, and its online switch: entry points of their own. */
@Service
class PartnerOnboarding {

    private final PartnerRepository partners;
    private final CategoryRepository categories;
    private final PartnerAccess access;
    private final PartnerService reads;
    private final IdentityService identity;

    PartnerOnboarding(PartnerRepository partners, CategoryRepository categories, PartnerAccess access,
                      PartnerService reads, IdentityService identity) {
        this.partners = partners;
        this.categories = categories;
        this.access = access;
        this.reads = reads;
        this.identity = identity;
    }

    /** The partner, its categories, its contract with the community and (optionally) its first admin, all at once. */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Partner> onboard(Viewer viewer, PartnerInputs.OnboardPartnerInput input) {
        return Mono.defer(() -> {
            long communityId = Ids.parse(input.communityId(), "input.communityId");
            input.checkPeriod();
            Long adminId = Ids.parseOptional(input.adminAccountId(), "input.adminAccountId");
            return access.onboard(viewer, communityId)
                    .then(categoryIds(input.categoryCodes()))
                    .flatMap(categoryIds -> insert(viewer, input, communityId, categoryIds, adminId))
                    .flatMap(reads::findPartner);
        });
    }

    private Mono<Long> insert(Viewer viewer, PartnerInputs.OnboardPartnerInput input, long communityId,
                              List<Long> categoryIds, @Nullable Long adminId) {
        return partners.insertPartner(input.name(), input.kind(), input.description(), input.contactPhone(), input.capacity())
                .flatMap(partnerId -> categories.addToPartner(partnerId, categoryIds)
                        .then(partners.insertContract(partnerId, communityId, input.validFrom(), input.validTo(),
                                viewer.accountId()))
                        .then(adminId == null ? Mono.empty() : addMember(partnerId, adminId, MemberRole.ADMIN))
                        .thenReturn(partnerId));
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Partner> addMember(Viewer viewer, PartnerInputs.AddPartnerMemberInput input) {
        return Mono.defer(() -> {
            long partnerId = Ids.parse(input.partnerId(), "input.partnerId");
            long accountId = Ids.parse(input.accountId(), "input.accountId");
            return reads.findPartner(partnerId)
                    .then(access.manage(viewer, partnerId))
                    .then(addMember(partnerId, accountId, input.role()))
                    .then(reads.findPartner(partnerId));
        });
    }

    /** A member switches their partner on or off line (offline partners are not offered orders). */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Partner> setOnline(Viewer viewer, boolean online) {
        return access.member(viewer)
                .flatMap(member -> partners.setOnline(member.partnerId(), online).then(reads.findPartner(member.partnerId())));
    }

    /** The account becomes a PARTNER; ALREADY_PARTNER_MEMBER when it already serves for one (one partner each). */
    private Mono<Void> addMember(long partnerId, long accountId, MemberRole role) {
        return identity.grantRole(accountId, Role.PARTNER)
                .then(partners.addMember(partnerId, accountId, role))
                .flatMap(added -> added ? Mono.<Void>empty()
                        : Mono.error(new LinliException(ErrorCode.ALREADY_PARTNER_MEMBER)));
    }

    private Mono<List<Long>> categoryIds(List<String> codes) {
        return categories.byCodes(codes).map(ServiceCategory::id).collectList().flatMap(ids ->
                ids.size() == new HashSet<>(codes).size() ? Mono.just(ids)
                        : Mono.error(LinliException.invalid("input.categoryCodes", "服务类别无效")));
    }
}
