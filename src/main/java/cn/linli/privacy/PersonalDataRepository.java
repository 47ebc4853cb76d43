package cn.linli.privacy;

import java.util.ArrayList;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Runs the {@link PersonalDataSections} queries: one statement per kind of record, whatever the person holds. */
@Repository
class PersonalDataRepository {

    private final DatabaseClient db;

    PersonalDataRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<PersonalDataSection> section(PersonalDataSections.Definition definition, long accountId) {
        int width = definition.columns().size();
        return db.sql(definition.sql()).bind("a", accountId)
                .map(row -> cells(row, width))
                .all()
                .collectList()
                .map(rows -> new PersonalDataSection(definition.key(), definition.title(), definition.columns(), rows));
    }

    private static List<@Nullable String> cells(Readable row, int width) {
        List<@Nullable String> cells = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            cells.add(row.get(i, String.class));
        }
        return cells;
    }
}
