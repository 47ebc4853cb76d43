package cn.linli.order;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import cn.linli.community.CommunityService;
import cn.linli.community.Household;
import cn.linli.partner.PartnerMember;
import cn.linli.partner.PartnerService;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Role;
import cn.linli.platform.security.Viewer;
import cn.linli.platform.security.Viewers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who the viewer is with respect to orders: a resident of some households, staff of a community, a member of a
 * partner (or several of these). Loaded once per request; every order is checked against it.
 */
@Component
class OrderAccess {

    record Scope(Viewer viewer, List<Household> households, @Nullable Long staffCommunityId,
                 @Nullable PartnerMember member) {

        Set<Long> householdIds() {
            return households.stream().map(Household::id).collect(Collectors.toSet());
        }

        boolean isResidentOf(ServiceOrder order) {
            return households.stream().anyMatch(household -> household.id() == order.householdId());
        }

        boolean isStaffOf(long communityId) {
            return viewer.has(Role.ADMIN) || (staffCommunityId != null && staffCommunityId == communityId);
        }

        boolean isPartnerOf(ServiceOrder order) {
            return member != null && Objects.equals(order.partnerId(), member.partnerId());
        }

        /** Sees it without a database check (grab offers need one: see {@link OrderAccess#canSee}). */
        boolean seesDirectly(ServiceOrder order) {
            return isResidentOf(order) || isStaffOf(order.communityId()) || isPartnerOf(order);
        }

        PartnerMember requireMember() {
            if (member == null) {
                throw LinliException.forbidden();
            }
            return member;
        }
    }

    private final CommunityService communities;
    private final PartnerService partners;
    private final OrderRepository orders;

    OrderAccess(CommunityService communities, PartnerService partners, OrderRepository orders) {
        this.communities = communities;
        this.partners = partners;
        this.orders = orders;
    }

    Mono<Scope> scope() {
        return Viewers.current().flatMap(viewer -> {
            List<Long> self = List.of(viewer.accountId());
            return Mono.zip(communities.householdsOfAccounts(self), communities.staffByAccounts(self),
                            partners.membersByAccounts(self))
                    .map(t -> new Scope(viewer, t.getT1().getOrDefault(viewer.accountId(), List.of()),
                            t.getT2().containsKey(viewer.accountId()) ? t.getT2().get(viewer.accountId()).communityId() : null,
                            t.getT3().get(viewer.accountId())));
        });
    }

    /** Whether the scope may see the order: its resident, its community's staff, its partner, or a partner offered it. */
    Mono<Boolean> canSee(Scope scope, ServiceOrder order) {
        if (scope.seesDirectly(order)) {
            return Mono.just(true);
        }
        if (scope.member() != null && "DISPATCHED".equals(order.status()) && order.partnerId() == null) {
            return orders.isOfferedTo(order.id(), scope.member().partnerId());
        }
        return Mono.just(false);
    }
}
