package cn.linli.householdimport;

import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Viewer;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The community's households in use, as a file in the import's format, for its staff. */
@Service
class ImportExports {

    private final ImportAccess access;
    private final ImportTreeRepository tree;

    ImportExports(ImportAccess access, ImportTreeRepository tree) {
        this.access = access;
        this.tree = tree;
    }

    Mono<byte[]> export(Viewer viewer, long communityId, SheetFormat format) {
        return access.requireStaff(viewer, communityId)
                .then(tree.communityRetired(communityId))
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("社区")))
                .then(tree.inUse(communityId).collectList())
                .publishOn(Schedulers.boundedElastic())
                .map(rows -> ExportWriter.write(format, rows));
    }
}
