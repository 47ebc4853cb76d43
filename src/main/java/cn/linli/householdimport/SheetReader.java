package cn.linli.householdimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import cn.linli.platform.error.LinliException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jspecify.annotations.Nullable;

/**
 * Reads an uploaded file into rows: FastExcel for .xlsx (first sheet), Commons CSV for .csv. Blocking CPU work: call
 * it off the event loop. Refuses the whole file (nothing stored) for formula cells, formula-like text, a missing or
 * wrong header, no data, or more than {@link ImportErrors#MAX_ROWS} data rows.
 */
final class SheetReader {

    /** What was read: the format told by content, and the non-blank data rows in file order. */
    record Sheet(SheetFormat format, List<SheetRow> rows) {
    }

    /** One physical row before the header is applied: its number and its cells' normalised text. */
    private record Line(int number, List<String> cells) {
    }

    static Sheet read(byte[] bytes) {
        SheetFormat format = ImportFiles.sniff(bytes);
        List<SheetRow> rows = format == SheetFormat.XLSX ? readXlsx(bytes) : readCsv(bytes);
        return new Sheet(format, rows);
    }

    private static List<SheetRow> readXlsx(byte[] bytes) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes));
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            return collect(rows.map(SheetReader::line).iterator());
        } catch (IOException | RuntimeException ex) {
            throw rethrow(ex, "无法读取这个 Excel 文件，请用 Excel 或 WPS 重新保存为 .xlsx 后再试");
        }
    }

    private static Line line(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            if (cell != null && (cell.getType() == CellType.FORMULA || cell.getType() == CellType.ERROR)) {
                throw ImportErrors.fileInvalid(position(row.getRowNum(), i) + "是公式，请先复制后“粘贴为数值”再上传");
            }
            cells.add(cell == null ? "" : text(cell));
        }
        return new Line(row.getRowNum(), cells);
    }

    private static String text(Cell cell) {
        if (cell.getType() == CellType.NUMBER) {
            // a room or phone typed as a number: 501, not 501.0; 13800000001, not 1.38E10
            return ((BigDecimal) cell.getValue()).stripTrailingZeros().toPlainString();
        }
        return CellRules.normalize(cell.getText());
    }

    private static List<SheetRow> readCsv(byte[] bytes) {
        String text = TextDecoding.decode(bytes);
        // empty lines are kept as records so record numbers stay the row numbers a spreadsheet program shows
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            Iterator<Line> lines = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return records.hasNext();
                }

                @Override
                public Line next() {
                    CSVRecord record = records.next();
                    return new Line((int) record.getRecordNumber(), record.stream().map(CellRules::normalize).toList());
                }
            };
            return collect(lines);
        } catch (IOException | RuntimeException ex) {
            throw rethrow(ex, "CSV 文件格式有误（例如引号不成对），请用 Excel 或 WPS 重新保存后再试");
        }
    }

    /** Header first (the first non-blank row), then data rows; blank rows are skipped, not counted. */
    private static List<SheetRow> collect(Iterator<Line> lines) {
        ImportColumns.Layout layout = null;
        List<SheetRow> rows = new ArrayList<>();
        while (lines.hasNext()) {
            Line line = lines.next();
            if (line.cells().stream().allMatch(String::isEmpty)) {
                continue;
            }
            checkFormulas(line);
            if (layout == null) {
                layout = ImportColumns.detect(line.cells());
                continue;
            }
            if (rows.size() == ImportErrors.MAX_ROWS) {
                throw ImportErrors.tooManyRows();
            }
            rows.add(row(line, layout));
        }
        if (layout == null) {
            throw ImportErrors.fileInvalid("文件是空的");
        }
        if (rows.isEmpty()) {
            throw ImportErrors.fileInvalid("文件中只有表头，没有住户数据");
        }
        return rows;
    }

    private static void checkFormulas(Line line) {
        for (int i = 0; i < line.cells().size(); i++) {
            if (CellRules.formulaLike(line.cells().get(i))) {
                throw ImportErrors.fileInvalid(position(line.number(), i)
                        + "以 = + - @ 开头，会被表格软件当作公式执行，已拒绝整个文件；请删除开头的符号后再上传");
            }
        }
    }

    private static SheetRow row(Line line, ImportColumns.Layout layout) {
        List<String> cells = line.cells();
        return new SheetRow(line.number(), layout.cell(cells, ImportColumns.ESTATE), layout.cell(cells, ImportColumns.BUILDING),
                layout.cell(cells, ImportColumns.UNIT), layout.cell(cells, ImportColumns.ROOM),
                emptyToNull(layout.cell(cells, ImportColumns.HEAD_NAME)),
                emptyToNull(layout.cell(cells, ImportColumns.HEAD_PHONE)));
    }

    private static String position(int row, int column) {
        String letter = column < 26 ? String.valueOf((char) ('A' + column)) : String.valueOf(column + 1);
        return "第 " + row + " 行 " + letter + " 列";
    }

    private static @Nullable String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    /** Our own refusal passes through; anything the libraries throw means the file is broken. */
    private static RuntimeException rethrow(Exception ex, String message) {
        return ex instanceof LinliException linli ? linli : ImportErrors.fileInvalid(message);
    }

    private SheetReader() {
    }
}
