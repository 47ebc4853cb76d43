package cn.linli.partner;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.linli.audit.AuditAction;
import cn.linli.identity.IdentityService;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Role;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Membership by consent: staff onboarding and partner admins invite; only the invited person accepts (then, and only
 * then, they become a member and get the PARTNER role) or declines. ALREADY_PARTNER_MEMBER is said on accepting,
 * never on inviting, so an invitation reveals nothing about the person.
 */
@Service
class PartnerInvitations {

    private final InvitationRepository invitations;
    private final PartnerRepository partners;
    private final PartnerService reads;
    private final IdentityService identity;
    private final PartnerAudit audit;
    private final PartnerNotices notices;

    PartnerInvitations(InvitationRepository invitations, PartnerRepository partners, PartnerService reads,
                       IdentityService identity, PartnerAudit audit, PartnerNotices notices) {
        this.invitations = invitations;
        this.partners = partners;
        this.reads = reads;
        this.identity = identity;
        this.audit = audit;
        this.notices = notices;
    }

    /** Invites an existing account (NOT_FOUND on {@code field} otherwise), in the caller's transaction. */
    @Transactional
    public Mono<Void> invite(Partner partner, long accountId, MemberRole role, long invitedBy,
                             @Nullable Long communityId, String field) {
        return identity.accountsByIds(List.of(accountId))
                .filter(found -> found.containsKey(accountId))
                .switchIfEmpty(Mono.error(() -> new LinliException(ErrorCode.NOT_FOUND, "账号不存在", Map.of("field", field), null)))
                .then(invitations.invite(partner.id(), accountId, role, invitedBy, communityId))
                .then(audit.member(invitedBy, communityId, partner.id(), AuditAction.INVITED, accountId, null, role))
                .then(notices.invited(accountId, partner));
    }

    Mono<List<PartnerInvitation>> mine(Viewer viewer) {
        return invitations.pendingOf(viewer.accountId()).collectList();
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Partner> accept(Viewer viewer, ApplicationInputs.AnswerPartnerInvitationInput input) {
        return answer(viewer, input, InvitationLifecycle.Action.ACCEPT)
                .flatMap(invitation -> join(invitation).thenReturn(invitation))
                .flatMap(invitation -> reads.findPartner(invitation.partnerId())
                        .flatMap(partner -> notices.answered(invitation.invitedBy(), partner, true).thenReturn(partner)));
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<PartnerInvitation> decline(Viewer viewer, ApplicationInputs.AnswerPartnerInvitationInput input) {
        return answer(viewer, input, InvitationLifecycle.Action.DECLINE)
                .flatMap(invitation -> audit.member(viewer.accountId(), invitation.communityId(), invitation.partnerId(),
                                AuditAction.DECLINED, invitation.accountId(), null, null)
                        .then(reads.findPartner(invitation.partnerId()))
                        .flatMap(partner -> notices.answered(invitation.invitedBy(), partner, false))
                        .then(invitations.find(invitation.id())));
    }

    /**
     * The invitation, answered: locked partner first (membership changes of a partner take turns), then the
     * lifecycle's verdict, then the guarded update that a racing second answer loses.
     */
    private Mono<PartnerInvitation> answer(Viewer viewer, ApplicationInputs.AnswerPartnerInvitationInput input,
                                           InvitationLifecycle.Action action) {
        return Mono.defer(() -> invitations.find(Ids.parse(input.invitationId(), "input.invitationId")))
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("邀请")))
                .flatMap(invitation -> partners.lock(invitation.partnerId()).then(invitations.find(invitation.id())))
                .doOnNext(invitation -> InvitationLifecycle.check(invitation.status(), action,
                        InvitationLifecycle.actorOf(viewer.accountId(), invitation.accountId())))
                .flatMap(invitation -> invitations.answer(invitation.id(), action)
                        .flatMap(answered -> answered ? Mono.just(invitation)
                                : Mono.<PartnerInvitation>error(InvitationLifecycle.answered())));
    }

    /** The person joins (or, already a member of this partner, takes the offered role); one partner per person. */
    private Mono<Void> join(PartnerInvitation invitation) {
        long accountId = invitation.accountId();
        return reads.membershipOf(accountId).map(PartnerMember::role).map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(before -> partners.addMember(invitation.partnerId(), accountId, invitation.role())
                        .flatMap(added -> added ? Mono.<Void>empty()
                                : Mono.error(new LinliException(ErrorCode.ALREADY_PARTNER_MEMBER)))
                        .then(identity.grantRole(accountId, Role.PARTNER))
                        .then(audit.member(accountId, invitation.communityId(), invitation.partnerId(),
                                AuditAction.JOINED, accountId, before.orElse(null), invitation.role())));
    }
}
