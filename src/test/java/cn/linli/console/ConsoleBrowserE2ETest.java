package cn.linli.console;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import cn.linli.support.IntegrationTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The staff console in a real browser: Debian's Chromium (installed by .ci/run when missing) driven by playwright-core
 * from node, against this real server serving the console built by Maven into static/console. Scan login as
 * demo-staff, dispatch an order and see it move on the board live; import households (dry run, commit); an expense
 * recorded by demo-staff and approved by demo-staff-2; the month's orders exported (the .xlsx is opened here with a
 * spreadsheet reader); 芳草社区 staff see nothing of 锦城社区; screenshots in target/console-screenshots/.
 * Like every node test it is left out by -Dskip.node.tests=true (Java tests only), and with -Dskip.console.build=true
 * (nothing to test), never otherwise.
 */
class ConsoleBrowserE2ETest extends IntegrationTest {

    @Test
    void scanLoginDispatchAndLiveBoardInChromium() throws Exception {
        assumeFalse(Boolean.getBoolean("skip.node.tests"), "-Dskip.node.tests=true: node tests are skipped");
        assumeFalse(Boolean.getBoolean("skip.console.build"), "-Dskip.console.build=true: the console may not be built");
        http().get().uri("/console/").exchange().expectStatus().isOk()
                .expectHeader().valueMatches("Content-Security-Policy", ".*script-src 'self';.*");
        ProcessBuilder node = new ProcessBuilder("node", "e2e/console.e2e.mjs")
                .directory(new File("src/main/console"))
                .redirectErrorStream(true);
        node.environment().put("LINLI_BASE_URL", "http://127.0.0.1:" + port);
        node.environment().put("SCREENSHOT_DIR", new File("target/console-screenshots").getAbsolutePath());
        Process process = node.start();
        boolean finished = process.waitFor(400, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as("browser test finished in time: " + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("CONSOLE E2E OK");
        assertTheExportedWorkbookOpens(output);
    }

    /** The month's orders the console exported as .xlsx open in a real spreadsheet reader and hold the test's order. */
    private static void assertTheExportedWorkbookOpens(String output) throws Exception {
        String path = valueOf(output, "ORDERS_XLSX=");
        String marker = valueOf(output, "ORDERS_MARKER=");
        try (InputStream file = new FileInputStream(path); ReadableWorkbook workbook = new ReadableWorkbook(file)) {
            List<List<String>> rows;
            try (Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
                rows = sheet.map(row -> row.stream().map(cell -> cell == null ? "" : cell.getText()).toList()).toList();
            }
            assertThat(rows.get(0)).startsWith("工单号", "下单时间", "类别", "状态");
            assertThat(rows).anySatisfy(row -> assertThat(String.join(" ", row)).contains(marker).contains("已接单"));
        }
    }

    private static String valueOf(String output, String prefix) {
        return output.lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + " in: " + output));
    }

    @Test
    void clientRoutesAnswerTheAppAndFilesThemselves() {
        assumeFalse(Boolean.getBoolean("skip.console.build"), "-Dskip.console.build=true: the console may not be built");
        http().get().uri("/console").exchange().expectStatus().isEqualTo(301)
                .expectHeader().valueEquals("Location", "/console/");
        String index = http().get().uri("/console/dispatch").exchange().expectStatus().isOk()
                .expectHeader().exists("Content-Security-Policy")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(index).contains("<div id=\"app\"></div>").doesNotContain("<script>").doesNotContain("https://");
        http().get().uri("/console/assets/no-such-file.js").exchange().expectStatus().isNotFound();
    }
}
