package cn.linli.householdimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of wrong file is refused with a clear error, and nothing is stored. */
class HouseholdImportFilesE2ETest extends ImportTestBase {

    @Test
    void eachMalformedFileIsRefusedAndNothingIsStored() throws IOException {
        Place place = newCommunity();
        String token = place.staff().accessToken();
        long c = place.communityId();
        long imports = count("select count(*) from household_import");

        expectRefused(token, c, new byte[0], 400, "IMPORT_FILE_INVALID");
        expectRefused(token, c, "\uFEFF\r\n".getBytes(StandardCharsets.UTF_8), 400, "IMPORT_FILE_INVALID");
        expectRefused(token, c, csv(HEADER), 400, "IMPORT_FILE_INVALID");
        expectRefused(token, c, pngLike(), 400, "IMPORT_FILE_INVALID");
        expectRefused(token, c, new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3}, 400,
                "IMPORT_FILE_INVALID");
        expectRefused(token, c, zip("word/document.xml", 100), 400, "IMPORT_FILE_INVALID");
        expectRefused(token, c, zipBomb(), 400, "IMPORT_FILE_INVALID");
        expectRefused(token, c, csv("小区,楼栋,房号", "翠竹苑,1栋,101"), 400, "IMPORT_FILE_INVALID");
        expectRefused(token, c, csv("小区,楼栋,单元,房号,备注", "翠竹苑,1栋,1单元,101,x"), 400, "IMPORT_FILE_INVALID");
        expectRefused(token, c, csv(HEADER, "翠竹苑,1栋,1单元,101,\"=HYPERLINK(\"\"http://x\"\")\","), 400,
                "IMPORT_FILE_INVALID");
        expectRefused(token, c, csv(HEADER, "翠竹苑,1栋,1单元,@SUM(A1),,"), 400, "IMPORT_FILE_INVALID");
        expectRefused(token, c, csv(HEADER, "翠竹苑,1栋,1单元,-2+3+cmd|' /C calc'!A0,,"), 400, "IMPORT_FILE_INVALID");
        expectRefused(token, c, xlsx(List.of(List.of("小区", "楼栋", "单元", "房号"),
                List.of("翠竹苑", "1栋", "1单元", "formula:HYPERLINK(\"http://x\",\"101\")"))), 400, "IMPORT_FILE_INVALID");
        expectRefused(token, c, rows(ImportErrors.MAX_ROWS + 1), 400, "IMPORT_FILE_INVALID");
        byte[] huge = new byte[(int) ImportErrors.MAX_BYTES + 1];
        Arrays.fill(huge, (byte) 'a');
        expectRefused(token, c, huge, 413, "PAYLOAD_TOO_LARGE");

        assertThat(count("select count(*) from household_import")).isEqualTo(imports);
        assertThat(places(c)).isZero();
    }

    @Test
    void theRefusalSaysWhatIsWrong() {
        Place place = newCommunity();
        upload(place.staff().accessToken(), place.communityId(), csv("小区,楼栋,房号,备注", "a,b,c,d"), "x.csv")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message")
                .isEqualTo("表头不正确：缺少 单元；不认识 备注；第一行应为 小区、楼栋、单元、房号，可加 户主姓名、联系电话");
        upload(place.staff().accessToken(), place.communityId(), csv(HEADER, "翠竹苑,1栋,1单元,=1+1,,"), "x.csv")
                .expectBody().jsonPath("$.errors[0].message").value(message ->
                        assertThat((String) message).startsWith("第 2 行 D 列以 = + - @ 开头"));
    }

    @Test
    void exactlyTheRowLimitIsAccepted() {
        Place place = newCommunity();
        assertCounts(uploaded(place, rows(ImportErrors.MAX_ROWS)), ImportErrors.MAX_ROWS, ImportErrors.MAX_ROWS, 0, 0);
        assertThat(places(place.communityId())).isZero();
    }

    private static byte[] rows(int n) {
        StringBuilder text = new StringBuilder("小区,楼栋,单元,房号\n");
        for (int i = 0; i < n; i++) {
            text.append("大苑,").append(i / 1000).append("栋,1单元,").append(i % 1000).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] pngLike() {
        return new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    }

    private static byte[] zip(String entry, int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(new byte[size]);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A few hundred KB that inflate to 200 MB, dressed as a workbook. */
    private static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
