package cn.linli.householdimport;

import java.util.List;

import cn.linli.platform.crypto.PersonalDataCipher;
import cn.linli.platform.crypto.SealedColumn;
import cn.linli.platform.crypto.SealedColumns;
import cn.linli.platform.db.Binds;
import cn.linli.platform.pagination.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of the import tables: the import and its rows (one statement for all rows, by arrays). */
@Repository
class ImportRepository implements SealedColumns {

    private final DatabaseClient db;
    private final PersonalDataCipher cipher;

    ImportRepository(DatabaseClient db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /** A row keeps the head's name and phone as the file gave them (for the report): sealed. */
    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(SealedColumn.text("household_import_row", "head_name"),
                SealedColumn.phone("household_import_row", "head_phone", null));
    }

    record Counts(int newCount, int alreadyThereCount, int invalidCount) {

        static Counts of(List<ClassifiedRow> rows) {
            int[] n = new int[ImportOutcome.values().length];
            rows.forEach(row -> n[row.outcome().ordinal()]++);
            return new Counts(n[ImportOutcome.NEW.ordinal()], n[ImportOutcome.ALREADY_THERE.ordinal()],
                    n[ImportOutcome.INVALID.ordinal()]);
        }
    }

    /** The import and all its rows, together or not at all. */
    @Transactional
    public Mono<HouseholdImport> save(long communityId, long uploadedBy, @Nullable String fileName, SheetFormat format,
                                      List<ClassifiedRow> rows) {
        return insert(communityId, uploadedBy, fileName, format, rows.size(), Counts.of(rows))
                .flatMap(saved -> insertRows(saved.id(), rows).thenReturn(saved));
    }

    private Mono<HouseholdImport> insert(long communityId, long uploadedBy, @Nullable String fileName, SheetFormat format,
                                 int rowCount, Counts counts) {
        return db.sql("""
                        insert into household_import (community_id, uploaded_by, file_name, format, status, row_count,
                                                      new_count, already_there_count, invalid_count)
                        values (:c, :by, :file, :format, :status, :rows, :new, :already, :invalid)
                        returning *
                        """)
                .bind("c", communityId).bind("by", uploadedBy).bind("file", Binds.nullable(fileName, String.class))
                .bind("format", format.name()).bind("status", ImportStatus.CHECKED.name()).bind("rows", rowCount)
                .bind("new", counts.newCount()).bind("already", counts.alreadyThereCount())
                .bind("invalid", counts.invalidCount())
                .mapProperties(HouseholdImport.class).one();
    }

    private Mono<Void> insertRows(long importId, List<ClassifiedRow> rows) {
        return db.sql("""
                        insert into household_import_row (import_id, row_number, estate, building, unit, room, head_name,
                                                          head_phone, outcome, reason)
                        select :id, * from unnest(cast(:numbers as int[]), cast(:estates as text[]),
                               cast(:buildings as text[]), cast(:units as text[]), cast(:rooms as text[]),
                               cast(:names as text[]), cast(:phones as text[]), cast(:outcomes as text[]),
                               cast(:reasons as text[]))
                        """)
                .bind("id", importId)
                .bind("numbers", rows.stream().map(ClassifiedRow::rowNumber).toArray(Integer[]::new))
                .bind("estates", rows.stream().map(ClassifiedRow::estate).toArray(String[]::new))
                .bind("buildings", rows.stream().map(ClassifiedRow::building).toArray(String[]::new))
                .bind("units", rows.stream().map(ClassifiedRow::unit).toArray(String[]::new))
                .bind("rooms", rows.stream().map(ClassifiedRow::room).toArray(String[]::new))
                .bind("names", rows.stream().map(row -> cipher.seal(row.headName())).toArray(String[]::new))
                .bind("phones", rows.stream().map(row -> cipher.seal(row.headPhone())).toArray(String[]::new))
                .bind("outcomes", rows.stream().map(row -> row.outcome().name()).toArray(String[]::new))
                .bind("reasons", rows.stream().map(ClassifiedRow::reason).toArray(String[]::new))
                .then();
    }

    Mono<HouseholdImport> byId(long id) {
        return db.sql("select * from household_import where id = :id").bind("id", id)
                .mapProperties(HouseholdImport.class).one();
    }

    /** The import, locked until the commit's transaction ends: two commits of one import run one after the other. */
    Mono<HouseholdImport> lock(long id) {
        return db.sql("select * from household_import where id = :id for update").bind("id", id)
                .mapProperties(HouseholdImport.class).one();
    }

    Flux<ClassifiedRow> rows(long importId) {
        return db.sql("select * from household_import_row where import_id = :id order by row_number").bind("id", importId)
                .mapProperties(ClassifiedRow.class)
                .all().map(row -> row.withHead(cipher.open(row.headName()), cipher.open(row.headPhone())));
    }

    /** A keyset page of the report, optionally of one outcome. */
    Flux<ReportRow> page(long importId, @Nullable ImportOutcome outcome, PageRequest page) {
        return page.bind(db.sql("""
                                select * from (select r.*, i.created_at, cast(r.row_number as bigint) as id
                                                 from household_import_row r
                                                 join household_import i on i.id = r.import_id
                                                where r.import_id = :importId
                                                  and (cast(:outcome as text) is null or r.outcome = :outcome)) r
                                 where %s
                                 order by r.row_number
                                 limit :limit
                                """.formatted(PageRequest.after("r.")))
                        .bind("importId", importId)
                        .bind("outcome", Binds.nullable(outcome == null ? null : outcome.name(), String.class)))
                .mapProperties(ReportRow.class)
                .all().map(row -> row.withHead(cipher.open(row.headName()), cipher.open(row.headPhone())));
    }

    /** CHECKED → COMMITTED with the counts the commit found; false when it was not CHECKED any more. */
    Mono<Boolean> markCommitted(long id, long by, Counts counts) {
        return db.sql("""
                        update household_import
                           set status = :to, committed_by = :by, committed_at = now(),
                               new_count = :new, already_there_count = :already, invalid_count = :invalid
                         where id = :id and status = any(:from)
                        """)
                .bind("to", ImportStatus.COMMITTED.name()).bind("by", by).bind("id", id)
                .bind("new", counts.newCount()).bind("already", counts.alreadyThereCount())
                .bind("invalid", counts.invalidCount())
                .bind("from", ImportStatus.names(ImportStatus.COMMITTABLE))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Rows found already there at commit time (someone added them since the dry run) say so in the report. */
    Mono<Void> markAlreadyThere(long importId, List<Integer> rowNumbers) {
        if (rowNumbers.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        update household_import_row set outcome = :outcome
                         where import_id = :id and row_number = any(:rows)
                        """)
                .bind("outcome", ImportOutcome.ALREADY_THERE.name()).bind("id", importId)
                .bind("rows", rowNumbers.toArray(Integer[]::new))
                .then();
    }
}
