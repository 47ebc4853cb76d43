package cn.linli.householdimport;

import java.util.List;

import cn.linli.householdimport.SheetReader.Sheet;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Upload = dry run: read the whole file (refused whole if malformed), judge every row against the tree as it is now,
 * store the import with every row's outcome. Nothing is written to the tree.
 */
@Service
class ImportUploads {

    private final ImportAccess access;
    private final ImportTreeRepository tree;
    private final ImportRepository imports;

    ImportUploads(ImportAccess access, ImportTreeRepository tree, ImportRepository imports) {
        this.access = access;
        this.tree = tree;
        this.imports = imports;
    }

    Mono<HouseholdImport> upload(Viewer viewer, long communityId, @Nullable String fileName, byte[] bytes) {
        return access.requireStaff(viewer, communityId)
                .then(tree.communityRetired(communityId))
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("社区")))
                .flatMap(retired -> retired
                        ? Mono.error(ImportErrors.fileInvalid("该社区已停用，不能导入住户"))
                        // parsing is blocking CPU work (unzip, XML, decoding): never on the event loop
                        : Mono.fromCallable(() -> SheetReader.read(bytes)).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(sheet -> dryRun(communityId, sheet)
                        .flatMap(rows -> imports.save(communityId, viewer.accountId(), fileName, sheet.format(), rows)));
    }

    /** Each row's outcome against the places the file names, as they are now. */
    Mono<List<ClassifiedRow>> dryRun(long communityId, Sheet sheet) {
        List<ClassifiedRow> validated = RowRules.validate(sheet.rows());
        List<String> estates = validated.stream().filter(row -> row.outcome() != ImportOutcome.INVALID)
                .map(ClassifiedRow::estate).distinct().toList();
        return tree.existing(communityId, estates)
                .collect(TreeSnapshot::new, ImportUploads::add)
                .map(snapshot -> RowRules.classify(validated, snapshot));
    }

    private static void add(TreeSnapshot snapshot, ImportTreeRepository.Existing place) {
        snapshot.add(List.of(place.estate()), place.estateRetired());
        if (place.building() != null) {
            snapshot.add(List.of(place.estate(), place.building()), Boolean.TRUE.equals(place.buildingRetired()));
        }
        if (place.building() != null && place.unit() != null) {
            snapshot.add(List.of(place.estate(), place.building(), place.unit()), Boolean.TRUE.equals(place.unitRetired()));
        }
        if (place.building() != null && place.unit() != null && place.room() != null) {
            snapshot.add(List.of(place.estate(), place.building(), place.unit(), place.room()),
                    Boolean.TRUE.equals(place.roomRetired()));
        }
    }

}
