package cn.linli.householdimport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.linli.audit.AuditAction;
import cn.linli.audit.AuditChange;
import cn.linli.audit.AuditLog;
import cn.linli.audit.AuditSubject;
import cn.linli.householdimport.ImportRepository.Counts;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Commit = one transaction: the import row is locked first, so two commits of one import run one after the other and
 * the second finds it COMMITTED and changes nothing (it answers the committed import: a retry after a lost answer
 * is safe). Any invalid row refuses the whole commit; the tree is re-checked as it is now ({@link TreeWrites}).
 */
@Service
@Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
class ImportCommits {

    private final ImportRepository imports;
    private final ImportAccess access;
    private final TreeWrites trees;
    private final AuditLog audit;

    ImportCommits(ImportRepository imports, ImportAccess access, TreeWrites trees, AuditLog audit) {
        this.imports = imports;
        this.access = access;
        this.trees = trees;
        this.audit = audit;
    }

    @Transactional
    public Mono<HouseholdImport> commit(Viewer viewer, String importId) {
        return Mono.defer(() -> imports.lock(Ids.parse(importId, "input.importId")))
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("导入记录")))
                .flatMap(found -> access.requireStaff(viewer, found.communityId()).thenReturn(found))
                .flatMap(found -> found.status() == ImportStatus.COMMITTED ? Mono.just(found) : apply(viewer, found));
    }

    private Mono<HouseholdImport> apply(Viewer viewer, HouseholdImport found) {
        return imports.rows(found.id()).collectList()
                .flatMap(rows -> refuseInvalid(rows).then(trees.write(found.communityId(), rows)))
                .flatMap(written -> record(viewer, found, written))
                .then(imports.byId(found.id()));
    }

    /** Rows already invalid at upload: the commit is refused before anything is written. */
    private static Mono<Void> refuseInvalid(List<ClassifiedRow> rows) {
        List<ClassifiedRow> invalid = rows.stream().filter(row -> row.outcome() == ImportOutcome.INVALID).toList();
        return invalid.isEmpty() ? Mono.empty() : Mono.error(ImportErrors.hasInvalidRows(invalid));
    }

    private Mono<Void> record(Viewer viewer, HouseholdImport found, TreeWrites.Written written) {
        Counts counts = new Counts((int) written.households(), found.rowCount() - (int) written.households(), 0);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("rows", found.rowCount());
        after.put("householdsCreated", written.households());
        after.put("alreadyThere", counts.alreadyThereCount());
        after.put("estatesCreated", written.estates());
        after.put("buildingsCreated", written.buildings());
        after.put("unitsCreated", written.units());
        return imports.markCommitted(found.id(), viewer.accountId(), counts)
                .then(imports.markAlreadyThere(found.id(), written.foundThere()))
                .then(audit.record(new AuditChange(viewer.accountId(), found.communityId(), AuditSubject.HOUSEHOLD_IMPORT,
                        found.id(), AuditAction.IMPORTED, null, after)));
    }
}
