package cn.linli.ballot;

import java.util.Map;

import cn.linli.audit.AuditAction;
import cn.linli.audit.AuditChange;
import cn.linli.audit.AuditLog;
import cn.linli.audit.AuditSubject;
import cn.linli.ballot.BallotRepository.Rule;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * The pass rule is data: a community's own row (set by its staff, audited), else the seeded default (50 % turnout,
 * more than 50 %). A ballot copies the rule when it is made, so changing it never changes a running ballot.
 */
@Service
class BallotRules {

    record SetBallotRuleInput(
            String communityId,
            @Min(value = 0, message = "最低参与率须在 0 到 100 之间") @Max(value = 100, message = "最低参与率须在 0 到 100 之间") int minTurnoutPercent,
            @Min(value = 0, message = "通过比例须在 0 到 99 之间") @Max(value = 99, message = "通过比例须在 0 到 99 之间") int majorityPercent) {
    }

    private final BallotRepository ballots;
    private final BallotPolicy policy;
    private final AuditLog audit;

    BallotRules(BallotRepository ballots, BallotPolicy policy, AuditLog audit) {
        this.ballots = ballots;
        this.policy = policy;
        this.audit = audit;
    }

    /** For the community's residents and staff. */
    Mono<Rule> rule(Viewer viewer, String communityId) {
        long community = Ids.parse(communityId, "communityId");
        return policy.mayRead(viewer, community, false)
                .flatMap(may -> may ? ballots.rule(community) : Mono.error(cn.linli.platform.error.LinliException.forbidden()));
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Rule> set(Viewer viewer, SetBallotRuleInput input) {
        long community = Ids.parse(input.communityId(), "input.communityId");
        return policy.requireStaff(viewer, community)
                .then(ballots.rule(community))
                .flatMap(before -> ballots.setRule(community, input.minTurnoutPercent(), input.majorityPercent())
                        .flatMap(after -> audit.record(new AuditChange(viewer.accountId(), community,
                                AuditSubject.COMMUNITY, community, AuditAction.UPDATED,
                                Map.of("ballotRule", summary(before)), Map.of("ballotRule", summary(after))))
                                .thenReturn(after)));
    }

    private static Map<String, Object> summary(Rule rule) {
        return Map.of("minTurnoutPercent", rule.minTurnoutPercent(), "majorityPercent", rule.majorityPercent());
    }
}
