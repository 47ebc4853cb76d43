package cn.linli.householdimport;

import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reading an import and its report, for the staff of its community. */
@Service
class ImportReports {

    private final ImportRepository imports;
    private final ImportAccess access;

    ImportReports(ImportRepository imports, ImportAccess access) {
        this.imports = imports;
        this.access = access;
    }

    Mono<HouseholdImport> householdImport(Viewer viewer, String id) {
        return Mono.defer(() -> imports.byId(Ids.parse(id, "id")))
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("导入记录")))
                .flatMap(found -> access.requireStaff(viewer, found.communityId()).thenReturn(found));
    }

    /** The parent was access-checked when it was loaded. */
    Mono<Connection<ReportRow>> rows(HouseholdImport parent, @Nullable Integer first, @Nullable String after,
                                     @Nullable ImportOutcome outcome) {
        return Mono.defer(() -> {
            PageRequest page = PageRequest.of(first, after);
            return imports.page(parent.id(), outcome, page).collectList()
                    .map(rows -> Connection.of(rows, page, ReportRow::position));
        });
    }
}
