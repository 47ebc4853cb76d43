package cn.linli.partner;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Creating a partner and signing its contracts, shared by staff onboarding and approved applications. Joins the
 * caller's transaction (whose entry point retries conflicts), and audits what it writes.
 */
@Component
class PartnerFounding {

    record NewPartner(String name, PartnerKind kind, @Nullable String description, @Nullable String contactPhone,
                      int capacity, List<Long> categoryIds) {
    }

    /** The new partner and its first contract. */
    record Founded(long partnerId, long contractId) {
    }

    private final PartnerRepository partners;
    private final CategoryRepository categories;
    private final PartnerAudit audit;

    PartnerFounding(PartnerRepository partners, CategoryRepository categories, PartnerAudit audit) {
        this.partners = partners;
        this.categories = categories;
        this.audit = audit;
    }

    /** The new partner, serving {@code communityId} under its first contract. */
    @Transactional
    public Mono<Founded> found(NewPartner p, long communityId, ContractPeriod period, @Nullable Integer contractCapacity,
                            long actorId) {
        return partners.insertPartner(p.name(), p.kind(), p.description(), p.contactPhone(), p.capacity())
                .flatMap(partnerId -> categories.addToPartner(partnerId, p.categoryIds())
                        .then(audit.created(actorId, communityId, partnerId, p.name(), p.kind(), p.capacity()))
                        .then(contract(partnerId, communityId, period, contractCapacity, actorId))
                        .map(contractId -> new Founded(partnerId, contractId)));
    }

    /** A contract with one more community; the contract's id. */
    @Transactional
    public Mono<Long> contract(long partnerId, long communityId, ContractPeriod period, @Nullable Integer capacity,
                               long actorId) {
        return partners.insertContract(partnerId, communityId, period.validFrom(), period.validTo(), actorId, capacity)
                .flatMap(contractId -> audit.contracted(actorId, communityId, partnerId, contractId, period, capacity)
                        .thenReturn(contractId));
    }
}
