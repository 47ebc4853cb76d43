package cn.linli.ballot;

import java.time.Instant;
import java.util.Map;

import cn.linli.audit.AuditAction;
import cn.linli.audit.AuditChange;
import cn.linli.audit.AuditLog;
import cn.linli.audit.AuditSubject;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Staff move a ballot: open it (at once when its opening time has come, otherwise published to open by its timer),
 * close it early, or cancel it. Each is a conditional update, so staff and a timer acting at once cannot both win;
 * the loser gets BALLOT_INVALID_TRANSITION. Audited in the same transaction.
 */
@Service
class BallotTransitions {

    private final BallotRepository ballots;
    private final BallotPolicy policy;
    private final BallotOpening opening;
    private final BallotEvents events;
    private final AuditLog audit;

    BallotTransitions(BallotRepository ballots, BallotPolicy policy, BallotOpening opening, BallotEvents events,
                      AuditLog audit) {
        this.ballots = ballots;
        this.policy = policy;
        this.opening = opening;
        this.events = events;
        this.audit = audit;
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Ballot> open(Viewer viewer, String ballotId) {
        return staffs(viewer, ballotId).flatMap(before -> {
            boolean now = !before.opensAt().isAfter(Instant.now());
            BallotAction action = now ? BallotAction.OPEN : BallotAction.PUBLISH;
            BallotLifecycle.check(action, before.status(), BallotActor.STAFF);
            Mono<Ballot> changed = now ? ballots.open(before.id(), BallotLifecycle.sourcesOf(action)).flatMap(opening::opened)
                    : ballots.publish(before.id(), BallotLifecycle.sourcesOf(action))
                    .flatMap(published -> opening.scheduleOpening(published).thenReturn(published));
            return recorded(viewer, before, changed, now ? AuditAction.OPENED : AuditAction.UPDATED);
        });
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Ballot> close(Viewer viewer, String ballotId) {
        return staffs(viewer, ballotId).flatMap(before -> {
            BallotLifecycle.check(BallotAction.CLOSE, before.status(), BallotActor.STAFF);
            return recorded(viewer, before, ballots.close(before.id(), BallotLifecycle.sourcesOf(BallotAction.CLOSE))
                    .flatMap(closed -> events.changed(closed.id()).thenReturn(closed)), AuditAction.CLOSED);
        });
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Ballot> cancel(Viewer viewer, String ballotId) {
        return staffs(viewer, ballotId).flatMap(before -> {
            BallotLifecycle.check(BallotAction.CANCEL, before.status(), BallotActor.STAFF);
            return recorded(viewer, before, ballots.cancel(before.id(), BallotLifecycle.sourcesOf(BallotAction.CANCEL))
                    .flatMap(cancelled -> events.changed(cancelled.id()).thenReturn(cancelled)), AuditAction.CANCELLED);
        });
    }

    private Mono<Ballot> staffs(Viewer viewer, String ballotId) {
        return Mono.defer(() -> ballots.find(Ids.parse(ballotId, "input.ballotId")))
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("投票")))
                .flatMap(ballot -> policy.requireStaff(viewer, ballot.communityId()).thenReturn(ballot));
    }

    /** The change, or the refusal of the race it lost; then its audit entry. */
    private Mono<Ballot> recorded(Viewer viewer, Ballot before, Mono<Ballot> change, AuditAction action) {
        return change
                .switchIfEmpty(Mono.defer(() -> ballots.find(before.id())
                        .flatMap(now -> Mono.error(BallotLifecycle.invalidTransition(now.status())))))
                .flatMap(after -> audit.record(new AuditChange(viewer.accountId(), after.communityId(),
                        AuditSubject.BALLOT, after.id(), action, Map.of("status", before.status().name()),
                        Map.of("status", after.status().name()))).thenReturn(after));
    }
}
