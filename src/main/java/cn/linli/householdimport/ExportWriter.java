package cn.linli.householdimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * Writes households in the import's own format (same headers), so an exported file imports back as all
 * ALREADY_THERE. CSV is UTF-8 with a byte-order mark, which is what makes Excel open it as UTF-8 rather than GBK.
 * Every cell goes through {@link CellRules#neutralize}: a place named "=…" by other means must not run as a formula
 * on a staff member's computer. Blocking CPU work: call it off the event loop.
 */
final class ExportWriter {

    private static final List<String> HEADERS = Arrays.stream(ImportColumns.values()).map(column -> column.header).toList();

    static byte[] write(SheetFormat format, List<SheetRow> rows) {
        try {
            return format == SheetFormat.XLSX ? xlsx(rows) : csv(rows);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static byte[] csv(List<SheetRow> rows) throws IOException {
        StringWriter text = new StringWriter();
        text.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180)) {
            printer.printRecord(HEADERS);
            for (SheetRow row : rows) {
                printer.printRecord(cells(row));
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(List<SheetRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Linli", "1.0");
        Worksheet sheet = workbook.newWorksheet("住户");
        for (int c = 0; c < HEADERS.size(); c++) {
            sheet.value(0, c, HEADERS.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = cells(rows.get(r));
            for (int c = 0; c < cells.size(); c++) {
                // always text cells: a room "0501" or a phone must not turn into a number
                sheet.value(r + 1, c, cells.get(c));
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    private static List<String> cells(SheetRow row) {
        return List.of(cell(row.estate()), cell(row.building()), cell(row.unit()), cell(row.room()), cell(row.headName()),
                cell(row.headPhone()));
    }

    private static String cell(@Nullable String value) {
        return CellRules.neutralize(value);
    }

    private ExportWriter() {
    }
}
