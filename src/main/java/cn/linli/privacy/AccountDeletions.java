package cn.linli.privacy;

import java.util.List;
import java.util.Map;

import cn.linli.audit.AuditAction;
import cn.linli.audit.AuditChange;
import cn.linli.audit.AuditLog;
import cn.linli.audit.AuditSubject;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import cn.linli.platform.timer.Timers;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * The person's side of 注销: asking (refused while others rely on something unsettled), and cancelling during the
 * cooling-off period. The timer that performs it is scheduled with the request, in its transaction.
 */
@Service
class AccountDeletions {

    static final String TIMER = "ACCOUNT_DELETION";

    private final DeletionRepository deletions;
    private final ObligationRepository obligations;
    private final Timers timers;
    private final AuditLog audit;
    private final PrivacyProperties properties;

    AccountDeletions(DeletionRepository deletions, ObligationRepository obligations, Timers timers, AuditLog audit,
                     PrivacyProperties properties) {
        this.deletions = deletions;
        this.obligations = obligations;
        this.timers = timers;
        this.audit = audit;
        this.properties = properties;
    }

    /** Asking again while one is pending returns that one (naturally idempotent). */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<AccountDeletion> request(Viewer viewer, boolean confirmed) {
        if (!confirmed) {
            return Mono.error(LinliException.invalid("input.confirm", "请确认已了解注销的后果"));
        }
        return deletions.pendingOf(viewer.accountId())
                .switchIfEmpty(Mono.defer(() -> start(viewer.accountId())));
    }

    private Mono<AccountDeletion> start(long accountId) {
        return obligations.blockers(accountId)
                .flatMap(blockers -> blockers.isEmpty() ? Mono.<Void>empty() : Mono.error(blocked(blockers)))
                .then(Mono.defer(() -> deletions.insertPending(accountId, properties.deletionCoolingOff())))
                // a concurrent request inserted first: that one is the answer
                .switchIfEmpty(Mono.defer(() -> deletions.pendingOf(accountId)))
                .flatMap(request -> timers.schedule(TIMER, request.id(), request.dueAt())
                        .then(audit.record(change(accountId, AuditAction.APPLIED, null, request)))
                        .thenReturn(request));
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<AccountDeletion> cancel(Viewer viewer, String deletionId) {
        return Mono.defer(() -> deletions.find(Ids.parse(deletionId, "input.deletionId")))
                .filter(request -> request.accountId() == viewer.accountId())
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("注销申请")))
                .flatMap(request -> {
                    DeletionStatus to = DeletionLifecycle.check(DeletionAction.CANCEL, request.status(), DeletionActor.PERSON);
                    return deletions.transition(request.id(), DeletionLifecycle.sourcesOf(DeletionAction.CANCEL), to)
                            .switchIfEmpty(Mono.defer(() -> lostRace(request.id())));
                })
                .flatMap(cancelled -> audit.record(change(viewer.accountId(), AuditAction.WITHDRAWN,
                        Map.of("status", DeletionStatus.PENDING.name()), cancelled)).thenReturn(cancelled));
    }

    Mono<AccountDeletion> latest(Viewer viewer) {
        return deletions.latestOf(viewer.accountId());
    }

    private Mono<AccountDeletion> lostRace(long id) {
        return deletions.find(id).flatMap(now -> Mono.error(DeletionLifecycle.invalidTransition(now.status())));
    }

    static AuditChange change(long actorId, AuditAction action, @org.jspecify.annotations.Nullable Object before,
                              AccountDeletion after) {
        return new AuditChange(actorId, null, AuditSubject.ACCOUNT, after.accountId(), action, before,
                Map.of("deletionId", after.id(), "status", after.status().name(), "dueAt", after.dueAt().toString()));
    }

    static LinliException blocked(List<DeletionBlocker> blockers) {
        String message = ErrorCode.ACCOUNT_DELETION_BLOCKED.defaultMessage() + "："
                + String.join("；", blockers.stream().map(DeletionBlocker::message).toList());
        return new LinliException(ErrorCode.ACCOUNT_DELETION_BLOCKED, message,
                Map.of("reasons", blockers.stream().map(Enum::name).toList()), null);
    }
}
