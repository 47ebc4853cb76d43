package cn.linli.project;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.linli.community.CommunityService;
import cn.linli.community.Household;
import cn.linli.partner.PartnerMember;
import cn.linli.partner.PartnerService;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Role;
import cn.linli.platform.security.Viewer;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may see and do what with projects, resources and the supervision committee, in one place.
 * <ul>
 * <li>Projects (progress, milestones with photos, linked needs, resources) are public to the community: its residents
 * (verified members of its households) and staff read them; anyone else gets FORBIDDEN.</li>
 * <li>Resources: staff see all of their community's; residents see every one still in play (withdrawn ones are
 * not shown); a partner's members see the ones their partner offered.</li>
 * <li>Staff of the community (checked against the database per change) plan and run projects and appoint the
 * committee; only committee members sign off — staff never, even if also residents.</li>
 * </ul>
 */
@Component
class ProjectPolicy {

    private static final String SCOPE_KEY = ProjectPolicy.class.getName() + ".scope";

    static final Set<ResourceStatus> PUBLIC_RESOURCES = EnumSet.of(ResourceStatus.OFFERED, ResourceStatus.PLEDGED,
            ResourceStatus.USED);

    /** The viewer's communities as a resident, staff community and partner, loaded once per request. */
    record Scope(Viewer viewer, Set<Long> residentOf, @Nullable Long staffCommunityId, @Nullable Long partnerId) {

        boolean isStaffOf(long communityId) {
            return viewer.has(Role.ADMIN) || (staffCommunityId != null && staffCommunityId == communityId);
        }

        boolean reads(long communityId) {
            return isStaffOf(communityId) || residentOf.contains(communityId);
        }

        /** FORBIDDEN unless the viewer is a resident or staff of the community. */
        void requireReader(long communityId) {
            if (!reads(communityId)) {
                throw LinliException.forbidden();
            }
        }

        /** Which of a community's resources the viewer lists; FORBIDDEN when none. */
        ResourceRepository.Visible resources(long communityId) {
            if (isStaffOf(communityId)) {
                return new ResourceRepository.Visible(EnumSet.allOf(ResourceStatus.class), null);
            }
            if (residentOf.contains(communityId)) {
                return new ResourceRepository.Visible(PUBLIC_RESOURCES, null);
            }
            if (partnerId != null) {
                return new ResourceRepository.Visible(EnumSet.allOf(ResourceStatus.class), partnerId);
            }
            throw LinliException.forbidden();
        }
    }

    private final CommunityService communities;
    private final PartnerService partners;
    private final CommitteeRepository committee;

    ProjectPolicy(CommunityService communities, PartnerService partners, CommitteeRepository committee) {
        this.communities = communities;
        this.partners = partners;
        this.committee = committee;
    }

    Mono<Scope> scope(Viewer viewer, GraphQLContext context) {
        return context.computeIfAbsent(SCOPE_KEY, key -> load(viewer).cache());
    }

    Mono<Scope> load(Viewer viewer) {
        List<Long> self = List.of(viewer.accountId());
        return Mono.zip(communities.householdsOfAccounts(self), communities.staffByAccounts(self),
                        partners.membershipOf(viewer.accountId()).map(PartnerMember::partnerId).map(List::of)
                                .defaultIfEmpty(List.of()))
                .map(t -> new Scope(viewer,
                        t.getT1().getOrDefault(viewer.accountId(), List.of()).stream().map(Household::communityId)
                                .collect(Collectors.toSet()),
                        t.getT2().containsKey(viewer.accountId()) ? t.getT2().get(viewer.accountId()).communityId() : null,
                        t.getT3().isEmpty() ? null : t.getT3().get(0)));
    }

    /** Staff of the community (or an administrator), checked against the database now. */
    Mono<Void> requireStaff(Viewer viewer, long communityId) {
        return communities.requireStaffOf(viewer, communityId);
    }

    /**
     * A member of the community's committee signing off: STAFF_CANNOT_SIGN_OFF for staff of the community (they run
     * the project, so they never sign it off), NOT_SUPERVISION_MEMBER for anyone not on this community's committee.
     */
    Mono<Void> requireSigner(Viewer viewer, long communityId) {
        return communities.staffByAccounts(List.of(viewer.accountId()))
                .flatMap(staff -> {
                    if (staffOf(staff.get(viewer.accountId()), communityId)) {
                        return Mono.error(refused(ErrorCode.STAFF_CANNOT_SIGN_OFF));
                    }
                    return committee.isMember(communityId, viewer.accountId());
                })
                .flatMap(member -> member ? Mono.<Void>empty() : Mono.error(refused(ErrorCode.NOT_SUPERVISION_MEMBER)));
    }

    /** Who may be appointed: a verified resident of the community who is not its staff. */
    Mono<Void> requireAppointable(long communityId, long accountId) {
        return Mono.zip(committee.isResident(communityId, accountId), communities.staffByAccounts(List.of(accountId)))
                .flatMap(t -> t.getT1() && !staffOf(t.getT2().get(accountId), communityId) ? Mono.<Void>empty()
                        : Mono.error(refused(ErrorCode.SUPERVISION_MEMBER_INELIGIBLE)));
    }

    private static boolean staffOf(cn.linli.community.@Nullable StaffMember appointment, long communityId) {
        return appointment != null && appointment.communityId() == communityId;
    }

    static LinliException refused(ErrorCode code) {
        return new LinliException(code, code.defaultMessage(), Map.of(), null);
    }
}
