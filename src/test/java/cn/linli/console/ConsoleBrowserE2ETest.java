package cn.linli.console;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import cn.linli.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The staff console in a real browser: Debian's Chromium (installed by .ci/run when missing) driven by playwright-core
 * from node, against this real server serving the console built by Maven into static/console. Scan login as
 * demo-staff, dispatch an order and see it move on the board live; screenshots in target/console-screenshots/.
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
