package cn.linli.household;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reads of verification requests, each for its parties only, and of members' relations. */
@Service
class VerificationQueries {

    private final VerificationRepository requests;
    private final MembershipRepository members;
    private final HouseholdPolicy policy;
    private final cn.linli.privacy.DataAccessLog accessLog;

    VerificationQueries(VerificationRepository requests, MembershipRepository members, HouseholdPolicy policy,
                        cn.linli.privacy.DataAccessLog accessLog) {
        this.accessLog = accessLog;
        this.requests = requests;
        this.members = members;
        this.policy = policy;
    }

    Mono<Connection<VerificationRequest>> mine(Viewer viewer, @Nullable Integer first, @Nullable String after) {
        return Mono.fromCallable(() -> PageRequest.of(first, after))
                .flatMap(page -> requests.byApplicant(viewer.accountId(), page).collectList()
                        .map(rows -> Connection.of(rows, page, VerificationRequest::position)));
    }

    /** Everyone gets a page: people who may decide nothing get an empty one. */
    Mono<Connection<VerificationRequest>> toDecide(Viewer viewer, @Nullable VerificationStatus status,
                                                   @Nullable Integer first, @Nullable String after) {
        return Mono.fromCallable(() -> PageRequest.of(first, after))
                .flatMap(page -> policy.decidingScope(viewer)
                        .flatMap(scope -> requests.decidableBy(scope.viewerId(), scope.staffCommunityId(), scope.admin(),
                                status == null ? VerificationLifecycle.INITIAL : status, page).collectList())
                        .doOnNext(rows -> accessLog.seen(viewer.accountId(), rows.stream().map(VerificationRequest::applicantId)
                                .toList(), cn.linli.privacy.DataAccessKind.VERIFICATION_DETAILS))
                        .map(rows -> Connection.of(rows, page, VerificationRequest::position)));
    }

    /** NOT_FOUND when there is no such request; FORBIDDEN unless the viewer is one of its parties. */
    Mono<VerificationRequest> one(Viewer viewer, String id) {
        return Mono.defer(() -> requests.find(Ids.parse(id, "id")))
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("认证申请")))
                .flatMap(request -> policy.visible(viewer, request))
                .doOnNext(seen -> accessLog.seen(viewer.accountId(), java.util.List.of(seen.applicantId()),
                        cn.linli.privacy.DataAccessKind.VERIFICATION_DETAILS));
    }

    /** The relation of each (household, account) membership among these households. */
    Mono<Map<String, HouseholdRelation>> relations(Collection<Long> householdIds) {
        return members.membersOf(Set.copyOf(householdIds))
                .collect(Collectors.toMap(member -> key(member.householdId(), member.accountId()), Member::relation));
    }

    static String key(long householdId, long accountId) {
        return householdId + ":" + accountId;
    }
}
