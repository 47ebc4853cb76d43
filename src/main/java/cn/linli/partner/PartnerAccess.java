package cn.linli.partner;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.linli.community.CommunityService;
import cn.linli.community.StaffMember;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Role;
import cn.linli.platform.security.Viewer;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may do what with partners, in one place: members act for their own partner, admins manage it (offerings,
 * invitations, members), community staff onboard partners, decide applications to their community and manage partners
 * under contract with it, administrators everything. Invitations are answered only by the invited person
 * ({@link InvitationLifecycle}). The deciding rules are pure static methods, unit-tested without Spring.
 */
@Component
class PartnerAccess {

    private static final String MEMBERSHIP_KEY = PartnerAccess.class.getName() + ".membership";

    private final PartnerRepository partners;
    private final CommunityService communities;

    PartnerAccess(PartnerRepository partners, CommunityService communities) {
        this.partners = partners;
        this.communities = communities;
    }

    /** The viewer's membership; FORBIDDEN for an account that serves no partner. */
    Mono<PartnerMember> member(Viewer viewer) {
        return membership(viewer).switchIfEmpty(Mono.error(LinliException::forbidden));
    }

    /** The viewer's membership as an admin of their partner; FORBIDDEN otherwise. */
    Mono<PartnerMember> admin(Viewer viewer) {
        return member(viewer).filter(PartnerMember::isAdmin).switchIfEmpty(Mono.error(LinliException::forbidden));
    }

    /** As {@link #admin}, and the partner must be {@code partnerId}. */
    Mono<PartnerMember> adminOf(Viewer viewer, long partnerId) {
        return admin(viewer).filter(member -> member.partnerId() == partnerId)
                .switchIfEmpty(Mono.error(LinliException::forbidden));
    }

    /** Staff of the community (or an administrator) may onboard partners into it. */
    Mono<Void> onboard(Viewer viewer, long communityId) {
        return communities.requireStaffOf(viewer, communityId);
    }

    /**
     * Who acts on one community's request of an application: the applicant is always the APPLICANT (so staff or an
     * administrator who applied cannot approve themselves); anyone else must be staff of that community.
     */
    Mono<ApplicationLifecycle.Actor> decider(Viewer viewer, PartnerApplication application, long communityId) {
        return viewer.accountId() == application.applicantId()
                ? Mono.just(ApplicationLifecycle.Actor.APPLICANT)
                : communities.requireStaffOf(viewer, communityId).thenReturn(ApplicationLifecycle.Actor.STAFF);
    }

    /** Applications a community received are listed to its staff (and administrators). */
    Mono<Void> listApplications(Viewer viewer, long communityId) {
        return communities.requireStaffOf(viewer, communityId);
    }

    /** Partner admins manage their own partner; staff manage partners under contract with their community. */
    Mono<Void> manage(Viewer viewer, long partnerId) {
        return membership(viewer)
                .map(member -> managesAsMember(viewer, member, partnerId))
                .defaultIfEmpty(managesAsMember(viewer, null, partnerId))
                .flatMap(allowed -> allowed ? Mono.just(true) : managesAsStaff(viewer, partnerId))
                .flatMap(allowed -> allowed ? Mono.<Void>empty() : Mono.error(LinliException.forbidden()));
    }

    private Mono<Boolean> managesAsStaff(Viewer viewer, long partnerId) {
        return communities.staffByAccounts(List.of(viewer.accountId()))
                .flatMap(staff -> staff.containsKey(viewer.accountId())
                        ? partners.hasValidContract(partnerId, staff.get(viewer.accountId()).communityId())
                        : Mono.just(false));
    }

    /** The partners among these whose members the viewer may see. */
    Mono<Set<Long>> membersVisible(Viewer viewer, Collection<Long> partnerIds, GraphQLContext context) {
        return Mono.zip(membership(viewer, context).map(PartnerMember::partnerId).defaultIfEmpty(0L),
                        communities.staffByAccounts(List.of(viewer.accountId())),
                        partners.contractsOfPartners(partnerIds).collectList())
                .map(t -> {
                    StaffMember staff = t.getT2().get(viewer.accountId());
                    Long ownPartner = t.getT1() == 0L ? null : t.getT1();
                    return partnerIds.stream()
                            .filter(id -> seesMembers(viewer, id, ownPartner, staff == null ? null : staff.communityId(), t.getT3()))
                            .collect(Collectors.toSet());
                });
    }

    private Mono<PartnerMember> membership(Viewer viewer) {
        return partners.membersByAccounts(List.of(viewer.accountId())).next();
    }

    /** The viewer's membership (or empty), loaded once per GraphQL request however many fields ask. */
    Mono<PartnerMember> membership(Viewer viewer, GraphQLContext context) {
        return context.computeIfAbsent(MEMBERSHIP_KEY, key -> membership(viewer).cache());
    }

    // ---- the rules ----

    /** Administrators, and admins of this very partner, manage it without asking the community. */
    static boolean managesAsMember(Viewer viewer, @Nullable PartnerMember member, long partnerId) {
        return viewer.has(Role.ADMIN) || (member != null && member.partnerId() == partnerId && member.isAdmin());
    }

    /**
     * Members of a partner are visible to its own members, to staff of a community it has (or had) a contract with,
     * and to administrators.
     */
    static boolean seesMembers(Viewer viewer, long partnerId, @Nullable Long ownPartner, @Nullable Long staffCommunity,
                               Collection<PartnerContract> contracts) {
        boolean own = ownPartner != null && ownPartner == partnerId;
        boolean serves = staffCommunity != null && contracts.stream()
                .anyMatch(c -> c.partnerId() == partnerId && c.communityId() == staffCommunity);
        return own || serves || viewer.has(Role.ADMIN);
    }
}
