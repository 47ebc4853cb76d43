package cn.linli.householdimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Telling the format by content, the CSV encoding, and reading both formats, without Spring. */
class ImportFilesTest {

    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void utf8WithOrWithoutBomAndGbkDecodeToTheSameText() {
        String text = "小区,楼栋,单元,房号\n锦江苑,3栋,2单元,501\n";
        assertThat(TextDecoding.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(TextDecoding.decode(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(TextDecoding.decode(text.getBytes(GBK))).isEqualTo(text);
        assertThat(TextDecoding.decode(text.getBytes(Charset.forName("GB18030")))).isEqualTo(text);
    }

    @Test
    void bytesThatAreNeitherUtf8NorGb18030AreRefused() {
        // 0x80 alone is invalid in both
        assertThatThrownBy(() -> TextDecoding.decode(new byte[]{'a', (byte) 0x80, 'b'}))
                .isInstanceOf(LinliException.class).hasMessageContaining("编码");
    }

    @Test
    void formatIsToldByContentNotName() throws IOException {
        assertThat(ImportFiles.sniff("小区,楼栋\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(SheetFormat.CSV);
        assertThat(ImportFiles.sniff(ExportWriter.write(SheetFormat.XLSX, List.of()))).isEqualTo(SheetFormat.XLSX);
        expectInvalid(new byte[0], "空");
        expectInvalid("  \r\n".getBytes(StandardCharsets.UTF_8), "空");
        expectInvalid(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}, ".xls");
        expectInvalid(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0}, "不是 .xlsx 或 .csv");
        expectInvalid(zip(List.of("word/document.xml"), 10), "不是 Excel 工作簿");
        expectInvalid(new byte[]{'P', 'K', 3, 4, 1, 2, 3}, "不是可以读取的 Excel");
    }

    @Test
    void aZipBombIsRefusedByItsInflatedSize() throws IOException {
        byte[] bomb = zip(List.of("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
                (int) ImportFiles.MAX_INFLATED / 2 + 1);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        expectInvalid(bomb, "解压后超过 50 MB");
    }

    @Test
    void bothFormatsReadTheSameRows() {
        List<SheetRow> fromCsv = SheetReader.read(("小区,楼栋,单元,房号,户主姓名,联系电话\r\n"
                + "锦江苑,3栋,2单元,501,王秀英,13800000001\r\n\r\n锦江苑,3栋,2单元,502,,\r\n").getBytes(GBK)).rows();
        assertThat(fromCsv).containsExactly(
                new SheetRow(2, "锦江苑", "3栋", "2单元", "501", "王秀英", "13800000001"),
                new SheetRow(4, "锦江苑", "3栋", "2单元", "502", null, null));
        byte[] workbook = ExportWriter.write(SheetFormat.XLSX, List.of(
                new SheetRow(0, "锦江苑", "3栋", "2单元", "501", "王秀英", "13800000001"),
                new SheetRow(0, "锦江苑", "3栋", "2单元", "502", null, null)));
        assertThat(SheetReader.read(workbook).rows()).isEqualTo(fromCsv.stream()
                .map(row -> new SheetRow(row.rowNumber() == 2 ? 2 : 3, row.estate(), row.building(), row.unit(),
                        row.room(), row.headName(), row.headPhone()))
                .toList());
    }

    @Test
    void aCsvExportReadsBack() {
        List<SheetRow> rows = List.of(new SheetRow(2, "银杏小区", "A座", "1单元", "B-101", null, "028-85551234"));
        byte[] file = ExportWriter.write(SheetFormat.CSV, rows);
        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(SheetReader.read(file).rows()).isEqualTo(rows);
    }

    private static void expectInvalid(byte[] bytes, String message) {
        assertThatThrownBy(() -> ImportFiles.sniff(bytes))
                .isInstanceOfSatisfying(LinliException.class,
                        ex -> assertThat(ex.code()).isEqualTo(ErrorCode.IMPORT_FILE_INVALID))
                .hasMessageContaining(message);
    }

    /** A zip of these entries, each {@code size} zero bytes (which compress to almost nothing). */
    private static byte[] zip(List<String> entries, int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(new byte[size]);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
