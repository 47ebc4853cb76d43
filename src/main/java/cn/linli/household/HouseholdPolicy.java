package cn.linli.household;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.linli.community.CommunityService;
import cn.linli.community.StaffMember;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Role;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may see and do what with verification requests and memberships, in one place. A request (with the applicant's
 * real name, phone and proof photo) is visible only to its parties: the applicant, the household's current head, staff
 * of its community and administrators; anyone else gets FORBIDDEN for the whole request, never a partial one.
 * Staff rights come from {@link CommunityService#requireStaffOf}, so revocations and street staff apply here too.
 */
@Component
class HouseholdPolicy {

    /** Where the viewer may decide requests: the community they are staff of, and whether they are an administrator. */
    record DecidingScope(long viewerId, @Nullable Long staffCommunityId, boolean admin) {
    }

    private final CommunityService communities;
    private final MembershipRepository members;

    HouseholdPolicy(CommunityService communities, MembershipRepository members) {
        this.communities = communities;
        this.members = members;
    }

    /** What the viewer is with respect to this request; empty when they are none of its parties. */
    Mono<Set<VerificationParty>> parties(Viewer viewer, VerificationRequest request) {
        Set<VerificationParty> parties = EnumSet.noneOf(VerificationParty.class);
        if (request.applicantId() == viewer.accountId()) {
            parties.add(VerificationParty.APPLICANT);
        }
        return members.isHead(request.householdId(), viewer.accountId())
                .zipWith(isStaffOf(viewer, request.communityId()))
                .map(found -> {
                    if (found.getT1()) {
                        parties.add(VerificationParty.HEAD);
                    }
                    if (found.getT2()) {
                        parties.add(VerificationParty.STAFF);
                    }
                    return parties;
                });
    }

    /** The request, if the viewer is one of its parties; FORBIDDEN otherwise. */
    Mono<VerificationRequest> visible(Viewer viewer, VerificationRequest request) {
        return parties(viewer, request)
                .filter(parties -> !parties.isEmpty())
                .switchIfEmpty(Mono.error(LinliException::forbidden))
                .thenReturn(request);
    }

    /** Staff of the community, or an administrator (the community feature's one check, as a yes/no). */
    Mono<Boolean> isStaffOf(Viewer viewer, long communityId) {
        return communities.requireStaffOf(viewer, communityId)
                .thenReturn(true)
                .onErrorResume(HouseholdPolicy::isForbidden, ex -> Mono.just(false));
    }

    Mono<DecidingScope> decidingScope(Viewer viewer) {
        return communities.staffByAccounts(List.of(viewer.accountId()))
                .map(staff -> {
                    StaffMember own = staff.get(viewer.accountId());
                    return new DecidingScope(viewer.accountId(), own == null ? null : own.communityId(),
                            viewer.has(Role.ADMIN));
                });
    }

    private static boolean isForbidden(Throwable ex) {
        return ex instanceof LinliException linli && linli.code() == ErrorCode.FORBIDDEN;
    }
}
