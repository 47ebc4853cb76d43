package cn.linli.need;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.linli.community.CommunityService;
import cn.linli.community.Household;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Role;
import cn.linli.platform.security.Viewer;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may see and do what with needs, in one place. A need is seen by the members of its household, staff of its
 * community (and administrators), and — once escalated (街道呼叫) — the staff of its street; anyone else gets
 * FORBIDDEN. Changes by staff go through {@link CommunityService#requireStaffOf} (read per call, so a revoked
 * appointment fails at once); residents act for households they are verified members of.
 */
@Component
class NeedPolicy {

    private static final String SCOPE_KEY = NeedPolicy.class.getName() + ".scope";

    /** The viewer's households, staff community and street, loaded once per request. */
    record Scope(Viewer viewer, List<Household> households, @Nullable Long staffCommunityId, @Nullable Long streetId) {

        Set<Long> householdIds() {
            return households.stream().map(Household::id).collect(Collectors.toSet());
        }

        boolean isMemberOf(long householdId) {
            return households.stream().anyMatch(household -> household.id() == householdId);
        }

        boolean isStaffOf(long communityId) {
            return viewer.has(Role.ADMIN) || (staffCommunityId != null && staffCommunityId == communityId);
        }

        boolean sees(Need need) {
            return isMemberOf(need.householdId()) || isStaffOf(need.communityId())
                    || (streetId != null && streetId == need.streetId() && need.escalatedAt() != null);
        }

        /** The household the viewer acts for; FORBIDDEN unless they are a verified member of it. */
        Household requireHousehold(long householdId) {
            return households.stream().filter(h -> h.id() == householdId).findFirst()
                    .orElseThrow(LinliException::forbidden);
        }

        long requireStreet() {
            if (streetId == null) {
                throw LinliException.forbidden();
            }
            return streetId;
        }
    }

    private final CommunityService communities;
    private final NeedEventRepository events;

    NeedPolicy(CommunityService communities, NeedEventRepository events) {
        this.communities = communities;
        this.events = events;
    }

    Mono<Scope> scope(Viewer viewer, GraphQLContext context) {
        return context.computeIfAbsent(SCOPE_KEY, key -> load(viewer).cache());
    }

    /** For mutations: a fresh scope (memberships may have changed since an earlier step of the request). */
    Mono<Scope> load(Viewer viewer) {
        List<Long> self = List.of(viewer.accountId());
        return Mono.zip(communities.householdsOfAccounts(self), communities.staffByAccounts(self),
                        events.streetOf(viewer.accountId()).map(List::of).defaultIfEmpty(List.of()))
                .map(t -> new Scope(viewer, t.getT1().getOrDefault(viewer.accountId(), List.of()),
                        t.getT2().containsKey(viewer.accountId()) ? t.getT2().get(viewer.accountId()).communityId() : null,
                        t.getT3().isEmpty() ? null : t.getT3().get(0)));
    }

    /** The need, if the scope sees it; FORBIDDEN otherwise. */
    static Need visible(Scope scope, Need need) {
        if (!scope.sees(need)) {
            throw LinliException.forbidden();
        }
        return need;
    }

    /** Staff of the need's community (or an administrator), checked against the database now. */
    Mono<NeedActor> asStaff(Viewer viewer, long communityId) {
        return communities.requireStaffOf(viewer, communityId).thenReturn(NeedActor.STAFF);
    }

    /** Staff of the community, or street staff of its street for a need escalated to them. */
    Mono<NeedActor> asResolver(Viewer viewer, Need need) {
        return communities.requireStaffOf(viewer, need.communityId()).thenReturn(NeedActor.STAFF)
                .onErrorResume(LinliException.class, ex -> events.streetOf(viewer.accountId())
                        .filter(street -> street == need.streetId() && need.escalatedAt() != null)
                        .map(street -> NeedActor.STREET_STAFF)
                        .switchIfEmpty(Mono.error(ex)));
    }

    /** Staff of the community or street staff of its street: who may read a community's lists. */
    Mono<Void> requireOverseerOf(Viewer viewer, long communityId) {
        return communities.requireOverseerOf(viewer, communityId);
    }
}
