package cn.linli.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.linli.platform.crypto.PersonalDataCipher;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Runs the {@link PersonalDataSections} queries: one statement per kind of record, whatever the person holds. Phones
 * and real names are stored sealed ({@link PersonalDataCipher}); the columns showing them are opened here, so the
 * person gets their own data as text.
 */
@Repository
class PersonalDataRepository {

    /** The titles of the columns that hold sealed values. */
    private static final Set<String> SEALED = Set.of("手机号", "真实姓名", "联系电话", "联系人");

    private final DatabaseClient db;
    private final PersonalDataCipher cipher;

    PersonalDataRepository(DatabaseClient db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    Mono<PersonalDataSection> section(PersonalDataSections.Definition definition, long accountId) {
        List<String> columns = definition.columns();
        return db.sql(definition.sql()).bind("a", accountId)
                .map(row -> cells(row, columns))
                .all()
                .collectList()
                .map(rows -> new PersonalDataSection(definition.key(), definition.title(), columns, rows));
    }

    private List<@Nullable String> cells(Readable row, List<String> columns) {
        List<@Nullable String> cells = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            String cell = row.get(i, String.class);
            cells.add(SEALED.contains(columns.get(i)) ? cipher.open(cell) : cell);
        }
        return cells;
    }
}
