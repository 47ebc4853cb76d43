package cn.linli.privacy;

import cn.linli.audit.AuditAction;
import cn.linli.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Performs a deletion when its cooling-off period ends (the timer's handler, inside the timer's transaction): the
 * request moves PENDING → PERFORMED with a conditional update, so a cancelled or already performed request is left
 * alone and the erasure happens exactly once. Obligations are checked again: something may have started meanwhile
 * (an order placed during the cooling-off period); then the request stays pending and is tried again a day later.
 */
@Service
class AccountErasure {

    private static final Logger log = LoggerFactory.getLogger(AccountErasure.class);

    private final DeletionRepository deletions;
    private final ObligationRepository obligations;
    private final ErasureRepository erasure;
    private final SessionRevocation sessions;
    private final cn.linli.platform.timer.Timers timers;
    private final AuditLog audit;

    AccountErasure(DeletionRepository deletions, ObligationRepository obligations, ErasureRepository erasure,
                   SessionRevocation sessions, cn.linli.platform.timer.Timers timers, AuditLog audit) {
        this.deletions = deletions;
        this.obligations = obligations;
        this.erasure = erasure;
        this.sessions = sessions;
        this.timers = timers;
        this.audit = audit;
    }

    @Transactional
    public Mono<Void> perform(long deletionId) {
        return deletions.find(deletionId)
                .filter(request -> request.status() == DeletionStatus.PENDING)
                .flatMap(request -> obligations.blockers(request.accountId())
                        .flatMap(blockers -> blockers.isEmpty() ? erase(request) : postpone(request)));
    }

    private Mono<Void> postpone(AccountDeletion request) {
        log.info("Account deletion {} postponed: obligations still open", request.id());
        return timers.schedule(AccountDeletions.TIMER, request.id(), java.time.Instant.now().plus(java.time.Duration.ofDays(1)));
    }

    private Mono<Void> erase(AccountDeletion request) {
        DeletionStatus to = DeletionLifecycle.check(DeletionAction.PERFORM, request.status(), DeletionActor.SYSTEM);
        long account = request.accountId();
        return deletions.transition(request.id(), DeletionLifecycle.sourcesOf(DeletionAction.PERFORM), to)
                .flatMap(performed -> sessions.revokeAll(account)
                        .then(erasure.anonymiseAccount(account))
                        .then(erasure.eraseVerificationRequests(account))
                        .then(erasure.endMemberships(account))
                        .then(erasure.erasePartnerApplications(account))
                        .then(erasure.eraseOrderContacts(account))
                        .then(erasure.erasePledgeNames(account))
                        .then(erasure.deleteNotifications(account))
                        .then(erasure.deleteDataAccessesAbout(account))
                        .then(erasure.deletePhotos(account))
                        .then(audit.record(AccountDeletions.change(account, AuditAction.ERASED, null, performed)))
                        .doOnSuccess(done -> log.info("Account {} erased (deletion {})", account, performed.id())));
    }
}
