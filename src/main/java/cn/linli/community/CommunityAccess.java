package cn.linli.community;

import java.util.List;

import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Role;
import cn.linli.platform.security.Viewer;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may see what in the community tree, in one place. The tree itself is open to every logged-in account (residents
 * pick their address from it); a community's household list is for its staff; who lives in a household is visible
 * to that household and to staff of its community. Administrators see everything. The rules are pure static methods.
 */
@Component
class CommunityAccess {

    private static final String SCOPE_KEY = CommunityAccess.class.getName() + ".scope";

    private final CommunityRepository repository;

    CommunityAccess(CommunityRepository repository) {
        this.repository = repository;
    }

    /**
     * The viewer's scope, loaded once per GraphQL request however many fields ask (kept in the request's context);
     * without a context (calls from other features), loaded for this call.
     */
    Mono<CommunityRepository.Scope> scope(Viewer viewer, @Nullable GraphQLContext context) {
        if (context == null) {
            return repository.scopeOf(viewer.accountId());
        }
        return context.computeIfAbsent(SCOPE_KEY, key -> repository.scopeOf(viewer.accountId()).cache());
    }

    /** FORBIDDEN unless the viewer is staff of {@code communityId} or an administrator. */
    Mono<Void> requireStaffOf(Viewer viewer, long communityId, @Nullable GraphQLContext context) {
        if (viewer.has(Role.ADMIN)) {
            return Mono.empty();
        }
        return scope(viewer, context)
                .filter(scope -> isStaffOf(scope, communityId))
                .switchIfEmpty(Mono.error(LinliException::forbidden))
                .then();
    }

    /** The households among these whose members the viewer may see. */
    Mono<List<Household>> membersVisible(Viewer viewer, List<Household> households, GraphQLContext context) {
        if (viewer.has(Role.ADMIN)) {
            return Mono.just(households);
        }
        return scope(viewer, context)
                .map(scope -> households.stream().filter(household -> seesMembers(scope, household)).toList());
    }

    static boolean isStaffOf(CommunityRepository.Scope scope, long communityId) {
        return scope.staffCommunityId() != null && scope.staffCommunityId() == communityId;
    }

    /** Their own household, or any household of the community they are staff of. */
    static boolean seesMembers(CommunityRepository.Scope scope, Household household) {
        return scope.householdIds().contains(household.id()) || isStaffOf(scope, household.communityId());
    }
}
