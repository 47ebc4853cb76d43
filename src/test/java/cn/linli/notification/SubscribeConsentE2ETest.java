package cn.linli.notification;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import cn.linli.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One recordSubscribeConsent is one answer of wx.requestSubscribeMessage: at most 3 templates, each once. A client
 * repeating a template 1,000 times in one call must not buy 1,000 messages.
 */
class SubscribeConsentE2ETest extends IntegrationTest {

    private GraphQlTester.Response consent(Login login, List<String> accepted) {
        return api(login.client(), "RecordSubscribeConsent").variable("input", Map.of("accepted", accepted)).execute();
    }

    private long allowance(Login login) {
        return count("select coalesce(sum(remaining), 0) from subscribe_consent where account_id = " + login.accountId());
    }

    @Test
    void oneAnswerRecordsEachTemplateOnceAndAtMostThree() {
        Login login = login("consent-" + java.util.UUID.randomUUID());
        consent(login, List.of("tmpl-order-dispatched", "tmpl-order-accepted", "tmpl-order-completed"))
                .path("recordSubscribeConsent.recorded").entity(Integer.class).isEqualTo(3);
        assertThat(allowance(login)).isEqualTo(3);

        for (List<String> abusive : List.of(Collections.nCopies(1_000, "tmpl-order-dispatched"),
                List.of("tmpl-order-dispatched", "tmpl-order-dispatched"),
                List.of("tmpl-order-dispatched", "tmpl-order-accepted", "tmpl-order-completed", "tmpl-order-escalated"))) {
            consent(login, abusive).errors().expect(e -> "VALIDATION_FAILED".equals(e.getExtensions().get("code"))
                    && "input.accepted".equals(e.getExtensions().get("field"))).verify();
        }
        assertThat(allowance(login)).as("nothing recorded by a refused answer").isEqualTo(3);
    }
}
