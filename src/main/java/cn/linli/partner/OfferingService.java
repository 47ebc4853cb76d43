package cn.linli.partner;

import java.util.Optional;

import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** 服务清单: a community's offerings, and a partner admin creating and changing their own. */
@Service
class OfferingService {

    private final OfferingRepository offerings;
    private final CategoryRepository categories;
    private final PartnerAccess access;
    private final PartnerService reads;

    OfferingService(OfferingRepository offerings, CategoryRepository categories, PartnerAccess access,
                    PartnerService reads) {
        this.offerings = offerings;
        this.categories = categories;
        this.access = access;
        this.reads = reads;
    }

    /** Active offerings of partners serving the community today, optionally of one category, oldest first. */
    Mono<Connection<Offering>> inCommunity(String communityId, @Nullable String categoryCode, @Nullable Integer first,
                                           @Nullable String after) {
        return Mono.defer(() -> {
            long community = Ids.parse(communityId, "communityId");
            PageRequest page = PageRequest.of(first, after);
            Mono<Optional<Long>> category = categoryCode == null ? Mono.just(Optional.empty())
                    : reads.categoryByCode(categoryCode, "categoryCode").map(found -> Optional.of(found.id()));
            return category.flatMap(id -> offerings.inCommunity(community, id.orElse(null), page).collectList())
                    .map(rows -> Connection.of(rows, page, Offering::position));
        });
    }

    /** Priced as its kind requires, in a category the admin's partner serves. */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Offering> create(Viewer viewer, PartnerInputs.CreateOfferingInput input) {
        return Mono.fromCallable(input::price)
                .flatMap(price -> access.admin(viewer)
                        .flatMap(member -> reads.categoryByCode(input.categoryCode(), "input.categoryCode")
                                .flatMap(category -> requireServes(member.partnerId(), category.id())
                                        .then(offerings.insert(member.partnerId(), category.id(), input.title(),
                                                input.description(), input.priceKind(), price, input.estimatedMinutes())))))
                .flatMap(reads::findOffering);
    }

    /** Changes the given fields of one of the admin's own offerings. */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Offering> update(Viewer viewer, PartnerInputs.UpdateOfferingInput input) {
        return Mono.defer(() -> {
            long offeringId = Ids.parse(input.offeringId(), "input.offeringId");
            return reads.findOffering(offeringId)
                    .flatMap(offering -> access.adminOf(viewer, offering.partnerId()))
                    .then(offerings.update(offeringId, input.title(), input.description(), input.estimatedMinutes(),
                            input.active()))
                    .then(reads.findOffering(offeringId));
        });
    }

    private Mono<Void> requireServes(long partnerId, long categoryId) {
        return categories.serves(partnerId, categoryId)
                .flatMap(serves -> serves ? Mono.<Void>empty()
                        : Mono.error(LinliException.invalid("input.categoryCode", "该合伙人不提供这个类别的服务")));
    }
}
