package cn.linli.community;

import java.util.Map;

import cn.linli.audit.AuditAction;
import cn.linli.audit.AuditChange;
import cn.linli.audit.AuditLog;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Adding places to the tree: streets and communities by administrators, everything inside a community by its staff.
 * Adding is idempotent: a name already used by a sibling IN USE returns that sibling (a double tap, or two staff adding
 * the same building at once, gives one row and the same answer to both); a name held by a RETIRED sibling is refused
 * with PLACE_NAME_TAKEN and its id, since that is usually the same place coming back (reinstate it) — see V21.
 */
@Service
class PlaceCreation {

    /** What the audit trail records of a new place. */
    record Created(@Nullable Long parentId, String name, @Nullable String address) {
    }

    private final TreeRepository tree;
    private final CommunityAccess access;
    private final CommunityService reads;
    private final AuditLog audit;

    PlaceCreation(TreeRepository tree, CommunityAccess access, CommunityService reads, AuditLog audit) {
        this.tree = tree;
        this.access = access;
        this.reads = reads;
        this.audit = audit;
    }

    /** A new place of {@code kind} under {@code parentId} (none for a street); returns it, or its existing twin. */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Place> create(Viewer viewer, PlaceKind kind, @Nullable Long parentId, String name,
                              @Nullable String address) {
        PlaceKind parentKind = kind.parent();
        Mono<Long> created = parentKind == null || parentId == null
                ? access.requireAdmin(viewer).then(insert(viewer, kind, null, null, name, address))
                : underParent(viewer, kind, parentKind, parentId, name, address);
        return created.flatMap(id -> reads.place(kind, id));
    }

    /**
     * Authorised by the parent's community; the parent is then share-locked and must be in use, so a parent being
     * retired at the same moment either sees this child or refuses it (see {@link TreeRepository#lock}).
     */
    private Mono<Long> underParent(Viewer viewer, PlaceKind kind, PlaceKind parentKind, long parentId, String name,
                                   @Nullable String address) {
        return tree.find(parentKind, parentId)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound(parentKind.displayName())))
                .flatMap(parent -> access.requireManagerOf(viewer, kind, parent.communityId())
                        .then(tree.lockShared(parentKind, parentId)))
                .flatMap(parent -> {
                    PlaceLifecycle.check(parentKind, PlaceLifecycle.State.of(parent), PlaceLifecycle.Action.ADD_CHILD,
                            PlaceLifecycle.Surroundings.NONE);
                    return insert(viewer, kind, parentId, parent.communityId(), name, address);
                });
    }

    private Mono<Long> insert(Viewer viewer, PlaceKind kind, @Nullable Long parentId, @Nullable Long communityId,
                              String name, @Nullable String address) {
        return tree.insert(kind, parentId, communityId, name, address)
                .flatMap(id -> audit.record(new AuditChange(viewer.accountId(),
                                kind == PlaceKind.COMMUNITY ? id : communityId, kind.auditSubject(), id,
                                AuditAction.CREATED, null, new Created(parentId, name, address)))
                        .thenReturn(id))
                .switchIfEmpty(Mono.defer(() -> existing(kind, parentId, name)));
    }

    /** The sibling that holds the name: the answer if it is in use, a refusal naming it if retired. */
    private Mono<Long> existing(PlaceKind kind, @Nullable Long parentId, String name) {
        return tree.sibling(kind, parentId, name).map(sibling -> {
            if (sibling.retired()) {
                throw nameTaken(kind, sibling.id(), "已有同名的" + kind.displayName() + "「" + name + "」但已停用，请恢复它或先改名");
            }
            return sibling.id();
        });
    }

    static LinliException nameTaken(PlaceKind kind, long existingId, String message) {
        return new LinliException(ErrorCode.PLACE_NAME_TAKEN, message,
                Map.of("field", "input.name", "existingId", String.valueOf(existingId)), null);
    }
}
