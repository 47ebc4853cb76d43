package cn.linli.community;

import java.util.List;
import java.util.Set;

import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Role;
import cn.linli.platform.security.Viewer;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may see and change what in the community tree, in one place.
 * <ul>
 * <li>The tree itself is open to every logged-in account (residents pick their address from it).</li>
 * <li>Administrators register streets and communities and appoint staff; they may do everything.</li>
 * <li>Community staff maintain their community's tree and see its households and who lives in them.</li>
 * <li>Street staff OVERSEE: they see what staff see in every community of their street, but change nothing. Their
 * job is supervision, and {@link #requireStaffOf} also guards writes in other features (festivals, partners, the
 * time bank), so letting them pass it would make them staff everywhere in their street.</li>
 * </ul>
 * Staff rights come from the database on every request, never from the access token: revoking an appointment takes
 * effect at once, even for tokens already issued.
 */
@Component
class CommunityAccess {

    private static final String SCOPE_KEY = CommunityAccess.class.getName() + ".scope";

    /** The viewer's appointments and households. */
    record Scope(@Nullable Long staffCommunityId, Set<Long> streetCommunityIds, Set<Long> householdIds) {
    }

    private final StaffRepository repository;

    CommunityAccess(StaffRepository repository) {
        this.repository = repository;
    }

    /**
     * The viewer's scope, loaded once per GraphQL request however many fields ask (kept in the request's context);
     * without a context (calls from other features, mutations), loaded for this call.
     */
    Mono<Scope> scope(Viewer viewer, @Nullable GraphQLContext context) {
        if (context == null) {
            return repository.scopeOf(viewer.accountId());
        }
        return context.computeIfAbsent(SCOPE_KEY, key -> repository.scopeOf(viewer.accountId()).cache());
    }

    /** FORBIDDEN unless the viewer is staff of {@code communityId} or an administrator: for changes. */
    Mono<Void> requireStaffOf(Viewer viewer, long communityId, @Nullable GraphQLContext context) {
        return require(viewer, context, scope -> isStaffOf(scope, communityId));
    }

    /** FORBIDDEN unless the viewer is staff of the community, street staff of its street, or an administrator: reads. */
    Mono<Void> requireOverseerOf(Viewer viewer, long communityId, @Nullable GraphQLContext context) {
        return require(viewer, context, scope -> oversees(scope, communityId));
    }

    /** FORBIDDEN unless the viewer is an administrator. */
    Mono<Void> requireAdmin(Viewer viewer) {
        return viewer.has(Role.ADMIN) ? Mono.empty() : Mono.error(LinliException.forbidden());
    }

    /** Who may create, rename, retire or reinstate a place of this kind in this community. */
    Mono<Void> requireManagerOf(Viewer viewer, PlaceKind kind, @Nullable Long communityId) {
        if (kind.managedByAdmins() || communityId == null) {
            return requireAdmin(viewer);
        }
        return requireStaffOf(viewer, communityId, null);
    }

    /** The households among these whose members the viewer may see. */
    Mono<List<Household>> membersVisible(Viewer viewer, List<Household> households, GraphQLContext context) {
        if (viewer.has(Role.ADMIN)) {
            return Mono.just(households);
        }
        return scope(viewer, context)
                .map(scope -> households.stream().filter(household -> seesMembers(scope, household)).toList());
    }

    private Mono<Void> require(Viewer viewer, @Nullable GraphQLContext context,
                               java.util.function.Predicate<Scope> allowed) {
        if (viewer.has(Role.ADMIN)) {
            return Mono.empty();
        }
        return scope(viewer, context)
                .filter(allowed)
                .switchIfEmpty(Mono.error(LinliException::forbidden))
                .then();
    }

    static boolean isStaffOf(Scope scope, long communityId) {
        return scope.staffCommunityId() != null && scope.staffCommunityId() == communityId;
    }

    static boolean oversees(Scope scope, long communityId) {
        return isStaffOf(scope, communityId) || scope.streetCommunityIds().contains(communityId);
    }

    /** Their own household, or any household of a community they are staff of or oversee. */
    static boolean seesMembers(Scope scope, Household household) {
        return scope.householdIds().contains(household.id()) || oversees(scope, household.communityId());
    }
}
