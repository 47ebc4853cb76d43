package cn.linli.partner;

import java.util.HashSet;
import java.util.List;

import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Staff onboarding a partner under contract, inviting its members, and its online switch: entry points of their own.
 * Nobody is made a member here: the named admin and added members are invited and join only by accepting
 * ({@link PartnerInvitations}), so staff cannot turn a stranger, a new account or themselves into a partner.
 */
@Service
class PartnerOnboarding {

    private final PartnerRepository partners;
    private final CategoryRepository categories;
    private final PartnerAccess access;
    private final PartnerService reads;
    private final PartnerFounding founding;
    private final PartnerInvitations invitations;

    PartnerOnboarding(PartnerRepository partners, CategoryRepository categories, PartnerAccess access,
                      PartnerService reads, PartnerFounding founding, PartnerInvitations invitations) {
        this.partners = partners;
        this.categories = categories;
        this.access = access;
        this.reads = reads;
        this.founding = founding;
        this.invitations = invitations;
    }

    /** The partner, its categories, its contract with the community and (optionally) an invitation to its admin. */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Partner> onboard(Viewer viewer, PartnerInputs.OnboardPartnerInput input) {
        return Mono.defer(() -> {
            long communityId = Ids.parse(input.communityId(), "input.communityId");
            ContractPeriod period = input.period();
            Long adminId = Ids.parseOptional(input.adminAccountId(), "input.adminAccountId");
            return access.onboard(viewer, communityId)
                    .then(categoryIds(categories, input.categoryCodes(), "input.categoryCodes"))
                    .flatMap(categoryIds -> founding.found(new PartnerFounding.NewPartner(input.name(), input.kind(),
                                    input.description(), input.contactPhone(), input.capacity(), categoryIds),
                            communityId, period, null, viewer.accountId()))
                    .flatMap(founded -> reads.findPartner(founded.partnerId()))
                    .flatMap(partner -> inviteAdmin(viewer, partner, communityId, adminId).thenReturn(partner));
        });
    }

    private Mono<Void> inviteAdmin(Viewer viewer, Partner partner, long communityId, @Nullable Long adminId) {
        return adminId == null ? Mono.empty() : invitations.invite(partner, adminId, MemberRole.ADMIN,
                viewer.accountId(), communityId, "input.adminAccountId");
    }

    /** An invitation to the account (it joins on accepting); the partner as it stands. */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Partner> addMember(Viewer viewer, PartnerInputs.AddPartnerMemberInput input) {
        return Mono.defer(() -> {
            long partnerId = Ids.parse(input.partnerId(), "input.partnerId");
            long accountId = Ids.parse(input.accountId(), "input.accountId");
            return reads.findPartner(partnerId)
                    .flatMap(partner -> access.manage(viewer, partnerId)
                            .then(invitations.invite(partner, accountId, input.role(), viewer.accountId(), null,
                                    "input.accountId")))
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

    /** The ids of these category codes; VALIDATION_FAILED on {@code field} when one is unknown. */
    static Mono<List<Long>> categoryIds(CategoryRepository categories, List<String> codes, String field) {
        return categories.byCodes(codes).map(ServiceCategory::id).collectList().flatMap(ids ->
                ids.size() == new HashSet<>(codes).size() ? Mono.just(ids)
                        : Mono.error(LinliException.invalid(field, "服务类别无效")));
    }
}
