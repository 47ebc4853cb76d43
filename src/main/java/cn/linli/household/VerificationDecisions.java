package cn.linli.household;

import java.util.Map;

import cn.linli.audit.AuditAction;
import cn.linli.audit.AuditChange;
import cn.linli.audit.AuditLog;
import cn.linli.audit.AuditSubject;
import cn.linli.identity.IdentityService;
import cn.linli.platform.db.TransactionConflicts;
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
 * The approvers' side of 房屋认证. A decision is a conditional update on the request's status, so of any number of
 * approvers deciding at once exactly one wins and the rest get VERIFICATION_INVALID_TRANSITION. Approval then makes the
 * applicant a member in the same transaction; if that is refused (the household got a head meanwhile, or was
 * retired), the whole decision rolls back and the request keeps waiting.
 */
@Service
class VerificationDecisions {

    private final VerificationRepository requests;
    private final MembershipRepository members;
    private final HouseholdPolicy policy;
    private final HouseholdNotices notices;
    private final IdentityService identity;
    private final AuditLog audit;

    VerificationDecisions(VerificationRepository requests, MembershipRepository members, HouseholdPolicy policy,
                          HouseholdNotices notices, IdentityService identity, AuditLog audit) {
        this.requests = requests;
        this.members = members;
        this.policy = policy;
        this.notices = notices;
        this.identity = identity;
        this.audit = audit;
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<VerificationRequest> approve(Viewer viewer, String requestId) {
        return decide(viewer, requestId, VerificationAction.APPROVE, null);
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<VerificationRequest> reject(Viewer viewer, String requestId, String reason) {
        return decide(viewer, requestId, VerificationAction.REJECT, reason);
    }

    private Mono<VerificationRequest> decide(Viewer viewer, String requestId, VerificationAction action,
                                             @Nullable String reason) {
        return Mono.defer(() -> requests.find(Ids.parse(requestId, "input.requestId")))
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("认证申请")))
                .flatMap(request -> policy.parties(viewer, request)
                        .map(parties -> VerificationLifecycle.check(action, request.status(), parties))
                        .flatMap(to -> requests.transition(request.id(), VerificationLifecycle.sourcesOf(action), to,
                                viewer.accountId(), reason))
                        .switchIfEmpty(Mono.defer(() -> VerificationApplications.lostRace(requests, request.id()))))
                .flatMap(decided -> effects(decided, viewer.accountId()))
                .flatMap(decided -> recorded(decided, viewer.accountId()));
    }

    private Mono<VerificationRequest> effects(VerificationRequest decided, long approverId) {
        return decided.status() == VerificationStatus.APPROVED ? join(decided, approverId) : Mono.just(decided);
    }

    /** The applicant becomes a member with the relation they asked for, and a resident (idempotent). */
    private Mono<VerificationRequest> join(VerificationRequest request, long approverId) {
        return members.lockedState(request.householdId())
                .flatMap(household -> {
                    if (household.retired()) {
                        return Mono.error(MembershipRules.retired());
                    }
                    MembershipRules.checkJoin(request.relation(), household.headId());
                    return members.join(request.householdId(), request.applicantId(), request.relation());
                })
                .flatMap(joined -> joined ? Mono.<Void>empty() : Mono.error(MembershipRules.alreadyMember()))
                .then(identity.grantRole(request.applicantId(), Role.RESIDENT))
                .then(audit.record(new AuditChange(approverId, request.communityId(), AuditSubject.MEMBERSHIP,
                        request.householdId(), AuditAction.JOINED, null,
                        Map.of("accountId", request.applicantId(), "relation", request.relation().name(),
                                "requestId", request.id()))))
                .thenReturn(request);
    }

    private Mono<VerificationRequest> recorded(VerificationRequest decided, long approverId) {
        AuditAction action = decided.status() == VerificationStatus.APPROVED ? AuditAction.APPROVED : AuditAction.REJECTED;
        return audit.record(new AuditChange(approverId, decided.communityId(), AuditSubject.VERIFICATION, decided.id(),
                        action, Map.of("status", VerificationStatus.PENDING.name()),
                        VerificationApplications.summary(decided)))
                .then(notices.decided(decided))
                .thenReturn(decided);
    }
}
