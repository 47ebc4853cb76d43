package cn.linli.community;

import cn.linli.audit.AuditAction;
import cn.linli.audit.AuditChange;
import cn.linli.audit.AuditLog;
import cn.linli.community.PlaceLifecycle.Action;
import cn.linli.community.PlaceLifecycle.Outcome;
import cn.linli.community.PlaceLifecycle.State;
import cn.linli.community.PlaceLifecycle.Surroundings;
import cn.linli.community.TreeRepository.PlaceRow;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Renaming, retiring and reinstating places, each audited with before → after. Every flow reads the place, checks
 * the viewer may manage it, locks it, asks {@link PlaceLifecycle}, then changes it: one transaction per call.
 */
@Service
class PlaceChanges {

    /** What the audit trail records of a place's state. */
    record Snapshot(String name, java.time.@Nullable Instant retiredAt) {

        static Snapshot of(PlaceRow row) {
            return new Snapshot(row.name(), row.retiredAt());
        }
    }

    private final TreeRepository tree;
    private final CommunityAccess access;
    private final CommunityService reads;
    private final AuditLog audit;

    PlaceChanges(TreeRepository tree, CommunityAccess access, CommunityService reads, AuditLog audit) {
        this.tree = tree;
        this.access = access;
        this.reads = reads;
        this.audit = audit;
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Place> rename(Viewer viewer, PlaceKind kind, long id, String name) {
        return lockManaged(viewer, kind, id)
                .flatMap(row -> row.name().equals(name) ? Mono.empty() : renameTo(viewer, kind, row, name))
                .then(reads.place(kind, id));
    }

    /** The sibling check first (a failed update would abort the transaction); the constraint still decides races. */
    private Mono<Void> renameTo(Viewer viewer, PlaceKind kind, PlaceRow row, String name) {
        PlaceLifecycle.check(kind, State.of(row), Action.RENAME, Surroundings.NONE);
        return tree.sibling(kind, row.parentId(), name)
                .flatMap(sibling -> Mono.<Void>error(PlaceCreation.nameTaken(kind, sibling.id(),
                        "同一上级下已有名为「" + name + "」的" + kind.displayName())))
                .then(tree.rename(kind, row.id(), name))
                .onErrorMap(DuplicateKeyException.class, ex -> new LinliException(ErrorCode.PLACE_NAME_TAKEN,
                        "同一上级下已有名为「" + name + "」的" + kind.displayName()))
                .then(record(viewer, kind, row, AuditAction.RENAMED, Snapshot.of(row),
                        new Snapshot(name, row.retiredAt())));
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Place> retire(Viewer viewer, PlaceKind kind, long id) {
        return lockManaged(viewer, kind, id)
                .flatMap(row -> tree.hasChildrenInUse(kind, id)
                        .flatMap(children -> {
                            Outcome outcome = PlaceLifecycle.check(kind, State.of(row), Action.RETIRE,
                                    new Surroundings(true, children));
                            return outcome == Outcome.UNCHANGED ? Mono.<Void>empty()
                                    : tree.retire(kind, id).then(record(viewer, kind, row, AuditAction.RETIRED,
                                            Snapshot.of(row), new Snapshot(row.name(), java.time.Instant.now())));
                        }))
                .then(reads.place(kind, id));
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Place> reinstate(Viewer viewer, PlaceKind kind, long id) {
        return lockManaged(viewer, kind, id)
                .flatMap(row -> parentInUse(kind, row)
                        .flatMap(parentInUse -> {
                            Outcome outcome = PlaceLifecycle.check(kind, State.of(row), Action.REINSTATE,
                                    new Surroundings(parentInUse, false));
                            return outcome == Outcome.UNCHANGED ? Mono.<Void>empty()
                                    : tree.reinstate(kind, id).then(record(viewer, kind, row, AuditAction.REINSTATED,
                                            Snapshot.of(row), new Snapshot(row.name(), null)));
                        }))
                .then(reads.place(kind, id));
    }

    /** The place, once the viewer is known to manage it, locked for the change. */
    private Mono<PlaceRow> lockManaged(Viewer viewer, PlaceKind kind, long id) {
        return tree.find(kind, id)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound(kind.displayName())))
                .flatMap(row -> access.requireManagerOf(viewer, kind, row.communityId()))
                .then(tree.lock(kind, id));
    }

    /** Share-locks the parent (a street has none), so it cannot be retired while this child comes back. */
    private Mono<Boolean> parentInUse(PlaceKind kind, PlaceRow row) {
        PlaceKind parentKind = kind.parent();
        if (parentKind == null || row.parentId() == null) {
            return Mono.just(true);
        }
        return tree.lockShared(parentKind, row.parentId()).map(parent -> !parent.retired());
    }

    private Mono<Void> record(Viewer viewer, PlaceKind kind, PlaceRow row, AuditAction action, Snapshot before,
                              Snapshot after) {
        return audit.record(new AuditChange(viewer.accountId(), row.communityId(), kind.auditSubject(), row.id(),
                action, before, after));
    }
}
