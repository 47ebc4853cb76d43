package cn.linli.project;

import java.util.List;
import java.util.Map;

import cn.linli.audit.AuditAction;
import cn.linli.audit.AuditChange;
import cn.linli.audit.AuditLog;
import cn.linli.audit.AuditSubject;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import cn.linli.project.ProjectInputs.SetSupervisionRuleInput;
import cn.linli.project.ProjectInputs.SupervisionMemberInput;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Staff of a community appoint verified residents (not staff) to its supervision committee, remove them, and set
 * how many sign-offs complete a project. Appointing a member twice or removing one who is not a member changes
 * nothing (and records nothing); every change is audited.
 */
@Service
class SupervisionCommittee {

    private final CommitteeRepository committee;
    private final ProjectPolicy policy;
    private final AuditLog audit;

    SupervisionCommittee(CommitteeRepository committee, ProjectPolicy policy, AuditLog audit) {
        this.committee = committee;
        this.policy = policy;
        this.audit = audit;
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Committee> appoint(Viewer viewer, SupervisionMemberInput input) {
        return Mono.defer(() -> {
            long community = Ids.parse(input.communityId(), "input.communityId");
            long account = Ids.parse(input.accountId(), "input.accountId");
            return policy.requireStaff(viewer, community)
                    .then(policy.requireAppointable(community, account))
                    .then(committee.appoint(community, account, viewer.accountId()))
                    .flatMap(added -> added ? audited(viewer, community, AuditSubject.SUPERVISION_MEMBER, account,
                            AuditAction.APPOINTED, null, Map.of("accountId", account)) : Mono.empty())
                    .then(of(community));
        });
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Committee> remove(Viewer viewer, SupervisionMemberInput input) {
        return Mono.defer(() -> {
            long community = Ids.parse(input.communityId(), "input.communityId");
            long account = Ids.parse(input.accountId(), "input.accountId");
            return policy.requireStaff(viewer, community)
                    .then(committee.remove(community, account))
                    .flatMap(removed -> removed ? audited(viewer, community, AuditSubject.SUPERVISION_MEMBER, account,
                            AuditAction.REVOKED, Map.of("accountId", account), null) : Mono.empty())
                    .then(of(community));
        });
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Committee> setRule(Viewer viewer, SetSupervisionRuleInput input) {
        return Mono.defer(() -> {
            long community = Ids.parse(input.communityId(), "input.communityId");
            SignOffRule rule = new SignOffRule(input.minSignOffs(), input.majority());
            return policy.requireStaff(viewer, community)
                    .then(committee.rule(community))
                    .flatMap(before -> committee.setRule(community, rule)
                            .then(audited(viewer, community, AuditSubject.SUPERVISION_RULE, community,
                                    AuditAction.UPDATED, before, rule)))
                    .then(of(community));
        });
    }

    Mono<Committee> of(long communityId) {
        return Mono.zip(committee.members(List.of(communityId)).collectList(), committee.rule(communityId))
                .map(t -> new Committee(communityId, t.getT1(), t.getT2()));
    }

    private Mono<Void> audited(Viewer viewer, long communityId, AuditSubject subject, long subjectId,
                               AuditAction action, @org.jspecify.annotations.Nullable Object before,
                               @org.jspecify.annotations.Nullable Object after) {
        return audit.record(new AuditChange(viewer.accountId(), communityId, subject, subjectId, action, before, after));
    }
}
