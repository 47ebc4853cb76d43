package cn.linli.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import cn.linli.platform.security.Viewer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Everything Linli holds about the viewer, read in one read-only transaction (a consistent copy), as GraphQL data,
 * and as an .xlsx workbook with one sheet per kind of record.
 */
@Service
class PersonalDataExport {

    private final PersonalDataRepository repository;

    PersonalDataExport(PersonalDataRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public Mono<PersonalData> of(Viewer viewer) {
        return Flux.fromIterable(PersonalDataSections.ALL)
                .concatMap(definition -> repository.section(definition, viewer.accountId()))
                .collectList()
                .map(sections -> new PersonalData(Instant.now(), sections));
    }

    /** CPU and memory work: off the event loop. */
    Mono<byte[]> xlsx(PersonalData data) {
        return Mono.fromCallable(() -> workbook(data.sections())).subscribeOn(Schedulers.boundedElastic());
    }

    private static byte[] workbook(List<PersonalDataSection> sections) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbook workbook = new Workbook(out, "Linli", "1.0");
            for (PersonalDataSection section : sections) {
                Worksheet sheet = workbook.newWorksheet(section.title());
                for (int c = 0; c < section.columns().size(); c++) {
                    sheet.value(0, c, section.columns().get(c));
                    sheet.style(0, c).bold().set();
                }
                for (int r = 0; r < section.rows().size(); r++) {
                    List<@Nullable String> row = section.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        // always text: a phone or id must not become a number, and "=…" must not run as a formula
                        sheet.value(r + 1, c, neutral(row.get(c)));
                    }
                }
            }
            workbook.finish();
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String neutral(@Nullable String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
