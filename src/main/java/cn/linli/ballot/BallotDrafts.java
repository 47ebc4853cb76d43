package cn.linli.ballot;

import java.util.List;
import java.util.Map;

import cn.linli.audit.AuditAction;
import cn.linli.audit.AuditChange;
import cn.linli.audit.AuditLog;
import cn.linli.audit.AuditSubject;
import cn.linli.ballot.BallotInputs.CreateBallotInput;
import cn.linli.ballot.BallotInputs.UpdateBallotInput;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** Staff write ballots as drafts and edit them until they are published or opened; every change is audited. */
@Service
class BallotDrafts {

    private final BallotRepository ballots;
    private final BallotPolicy policy;
    private final AuditLog audit;

    BallotDrafts(BallotRepository ballots, BallotPolicy policy, AuditLog audit) {
        this.ballots = ballots;
        this.policy = policy;
        this.audit = audit;
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Ballot> create(Viewer viewer, CreateBallotInput input) {
        long communityId = Ids.parse(input.communityId(), "input.communityId");
        return policy.requireStaff(viewer, communityId)
                .then(Mono.fromCallable(() -> BallotInputs.draft(communityId, input.content(), viewer.accountId())))
                .flatMap(draft -> {
                    List<FixedOptions.Draft> options = BallotInputs.options(draft, input.options());
                    return ballots.insert(draft).flatMap(ballot -> ballots.replaceOptions(ballot.id(), options)
                            .then(recorded(viewer, ballot, AuditAction.CREATED, null, options)));
                });
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Ballot> update(Viewer viewer, UpdateBallotInput input) {
        long id = Ids.parse(input.ballotId(), "input.ballotId");
        return ballots.find(id)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("投票")))
                .flatMap(before -> policy.requireStaff(viewer, before.communityId())
                        .then(Mono.fromCallable(() -> {
                            BallotLifecycle.check(BallotAction.EDIT, before.status(), BallotActor.STAFF);
                            return BallotInputs.draft(before.communityId(), input.content(), before.createdBy());
                        }))
                        .flatMap(draft -> edit(viewer, before, draft, BallotInputs.options(draft, input.options()))));
    }

    private Mono<Ballot> edit(Viewer viewer, Ballot before, BallotRepository.Draft draft,
                              List<FixedOptions.Draft> options) {
        return ballots.update(before.id(), draft, BallotLifecycle.sourcesOf(BallotAction.EDIT))
                .switchIfEmpty(Mono.defer(() -> ballots.find(before.id())
                        .flatMap(now -> Mono.error(BallotLifecycle.invalidTransition(now.status())))))
                .flatMap(after -> ballots.replaceOptions(after.id(), options)
                        .then(recorded(viewer, after, AuditAction.UPDATED, summary(before), options)));
    }

    private Mono<Ballot> recorded(Viewer viewer, Ballot ballot, AuditAction action, Object before,
                                  List<FixedOptions.Draft> options) {
        Map<String, Object> after = summary(ballot);
        after.put("options", options.stream().map(FixedOptions.Draft::label).toList());
        return audit.record(new AuditChange(viewer.accountId(), ballot.communityId(), AuditSubject.BALLOT, ballot.id(),
                action, before, after)).thenReturn(ballot);
    }

    static Map<String, Object> summary(Ballot ballot) {
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("title", ballot.title());
        summary.put("kind", ballot.kind().name());
        summary.put("pickMode", ballot.pickMode().name());
        summary.put("status", ballot.status().name());
        summary.put("opensAt", ballot.opensAt().toString());
        summary.put("closesAt", ballot.closesAt().toString());
        summary.put("minTurnoutPercent", ballot.minTurnoutPercent());
        summary.put("majorityPercent", ballot.majorityPercent());
        return summary;
    }
}
