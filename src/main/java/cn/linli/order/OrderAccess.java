package cn.linli.order;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import cn.linli.community.Household;
import cn.linli.partner.PartnerMember;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Role;
import cn.linli.platform.security.Viewer;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The orders' one access policy. Who the viewer is with respect to orders (a resident of some households, staff of a
 * community, a member of a partner, or several of these) is loaded once per request and kept in the GraphQL context;
 * every order is checked against it here, and here it is decided as which {@link Actor} the viewer acts.
 */
@Component
class OrderAccess {

    private static final String SCOPE_KEY = OrderAccess.class.getName() + ".scope";

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

        Household requireHousehold(long householdId) {
            return households.stream().filter(h -> h.id() == householdId).findFirst()
                    .orElseThrow(LinliException::forbidden);
        }

        void requireStaffOf(long communityId) {
            if (!isStaffOf(communityId)) {
                throw LinliException.forbidden();
            }
        }

        /** The viewer as the order's resident. */
        Actor asResident(ServiceOrder order) {
            if (!isResidentOf(order)) {
                throw LinliException.forbidden();
            }
            return Actor.resident(viewer.accountId());
        }

        /** The viewer as staff of the order's community. */
        Actor asStaff(ServiceOrder order) {
            requireStaffOf(order.communityId());
            return Actor.staff(viewer.accountId());
        }

        /** The viewer as a member of the partner serving the order. */
        Actor asServingPartner(ServiceOrder order) {
            if (!isPartnerOf(order)) {
                throw LinliException.forbidden();
            }
            return Actor.partner(viewer.accountId());
        }

        /** Staff cancel with staff rights even on their own household's order. */
        Actor asCanceller(ServiceOrder order) {
            return isStaffOf(order.communityId()) ? Actor.staff(viewer.accountId()) : asResident(order);
        }

        /**
         * The resident's phone in full to the resident, staff, and the partner while it serves the order (accepted or
         * in service); masked to a partner before it accepts and after completion.
         */
        boolean seesPhone(ServiceOrder order) {
            return isResidentOf(order) || isStaffOf(order.communityId()) || (isPartnerOf(order) && order.status().serving());
        }
    }

    private final ViewerScopes scopes;
    private final OfferRepository offers;

    OrderAccess(ViewerScopes scopes, OfferRepository offers) {
        this.scopes = scopes;
        this.offers = offers;
    }

    /** The viewer's scope, loaded on first use in this request and shared by every field of it. */
    Mono<Scope> scope(Viewer viewer, GraphQLContext context) {
        return context.computeIfAbsent(SCOPE_KEY, key -> load(viewer).cache());
    }

    /**
     * The scope an operation of this request already loaded (every order query, mutation and subscription does,
     * before any order field resolves); empty if none did.
     */
    Mono<Scope> loadedScope(GraphQLContext context) {
        Mono<Scope> scope = context.get(SCOPE_KEY);
        return scope == null ? Mono.empty() : scope;
    }

    /** One statement (see {@link ViewerScopes}): households, staff community and partner membership together. */
    private Mono<Scope> load(Viewer viewer) {
        return scopes.load(viewer.accountId())
                .map(loaded -> new Scope(viewer, loaded.households(), loaded.staffCommunityId(), loaded.member()));
    }

    /** Whether the scope may see the order: its resident, its community's staff, its partner, or a partner offered it. */
    Mono<Boolean> canSee(Scope scope, ServiceOrder order) {
        if (scope.seesDirectly(order)) {
            return Mono.just(true);
        }
        if (scope.member() != null && InboxFilter.GRAB_OFFERS.statuses().contains(order.status())
                && order.partnerId() == null) {
            return offers.isOfferedTo(order.id(), scope.member().partnerId());
        }
        return Mono.just(false);
    }

    /** The order, or FORBIDDEN. */
    Mono<ServiceOrder> visible(Scope scope, ServiceOrder order) {
        return canSee(scope, order).flatMap(visible -> visible ? Mono.just(order) : Mono.error(LinliException.forbidden()));
    }
}
