package cn.linli.partner;

import java.util.List;

import cn.linli.audit.AuditAction;
import cn.linli.identity.IdentityService;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Role;
import cn.linli.platform.security.Viewer;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Members leave, and those who manage a partner remove members; an account that no longer serves any partner loses
 * the PARTNER role in the same transaction. The partner row is locked first, so the last-admin rule
 * ({@link MembershipRules}) holds when two admins leave at once.
 */
@Service
class PartnerMemberships {

    private final PartnerRepository partners;
    private final PartnerAccess access;
    private final PartnerService reads;
    private final IdentityService identity;
    private final PartnerAudit audit;

    PartnerMemberships(PartnerRepository partners, PartnerAccess access, PartnerService reads,
                       IdentityService identity, PartnerAudit audit) {
        this.partners = partners;
        this.access = access;
        this.reads = reads;
        this.identity = identity;
        this.audit = audit;
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Partner> leave(Viewer viewer, ApplicationInputs.LeavePartnerInput input) {
        return Mono.defer(() -> {
            long partnerId = Ids.parse(input.partnerId(), "input.partnerId");
            return reads.findPartner(partnerId)
                    .then(partners.lock(partnerId))
                    .then(reads.membersOfPartners(List.of(partnerId)))
                    .map(byPartner -> byPartner.getOrDefault(partnerId, List.of()))
                    .flatMap(members -> {
                        PartnerMember leaver = find(members, viewer.accountId());
                        MembershipRules.checkLeave(leaver, (int) members.stream().filter(PartnerMember::isAdmin).count(),
                                members.size());
                        return drop(viewer.accountId(), partnerId, leaver, AuditAction.LEFT);
                    })
                    .then(reads.findPartner(partnerId));
        });
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Partner> remove(Viewer viewer, ApplicationInputs.RemovePartnerMemberInput input) {
        return Mono.defer(() -> {
            long partnerId = Ids.parse(input.partnerId(), "input.partnerId");
            long accountId = Ids.parse(input.accountId(), "input.accountId");
            return reads.findPartner(partnerId)
                    .then(access.manage(viewer, partnerId))
                    .doOnSuccess(ignored -> MembershipRules.checkRemove(viewer.accountId(), accountId))
                    .then(partners.lock(partnerId))
                    .then(reads.membersOfPartners(List.of(partnerId)))
                    .map(byPartner -> find(byPartner.getOrDefault(partnerId, List.of()), accountId))
                    .flatMap(removed -> drop(viewer.accountId(), partnerId, removed, AuditAction.REMOVED))
                    .then(reads.findPartner(partnerId));
        });
    }

    private Mono<Void> drop(long actorId, long partnerId, PartnerMember member, AuditAction action) {
        return partners.removeMember(partnerId, member.id())
                // one partner per account (a unique key), so leaving it means serving none
                .then(identity.revokeRole(member.id(), Role.PARTNER))
                .then(audit.member(actorId, null, partnerId, action, member.id(), member.role(), null));
    }

    private static PartnerMember find(List<PartnerMember> members, long accountId) {
        return members.stream().filter(member -> member.id() == accountId).findFirst()
                .orElseThrow(() -> LinliException.notFound("成员"));
    }
}
