package cn.linli.miniprogram;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import cn.linli.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product from the client's side: the mini-program's own GraphQL client and login module, run on node against
 * this real server (embedded PostgreSQL and Redis, the WeChat sandbox), through every flow.
 */
class MiniProgramJourneyE2ETest extends IntegrationTest {

    @Test
    void residentPartnerStaffAndMerchantJourneyFromTheClientSide() throws Exception {
        ProcessBuilder node = new ProcessBuilder("node", "test-e2e/journey.js")
                .directory(new File("miniprogram-stub"))
                .redirectErrorStream(true);
        node.environment().put("LINLI_API_BASE_URL", "http://127.0.0.1:" + port);
        node.environment().put("LINLI_SANDBOX_URL", weChat().baseUrl());
        Process process = node.start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("journey finished in time").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("JOURNEY OK");
    }
}
