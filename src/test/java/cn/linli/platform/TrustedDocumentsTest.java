package cn.linli.platform;

import java.util.Map;

import cn.linli.support.ApiDocuments;
import cn.linli.support.IntegrationTest;
import cn.linli.support.SecondInstance;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With trusted documents switched on, only the operations published in api/ run. */
class TrustedDocumentsTest extends IntegrationTest {

    @Test
    void onlyPublishedOperationsAreAccepted() {
        try (SecondInstance strict = SecondInstance.start(Map.of("linli.graphql.trusted-documents-only", "true"))) {
            HttpGraphQlTester client = HttpGraphQlTester.create(WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + strict.port() + "/graphql").build());

            client.document("{ errorCodes { code } }").execute().errors()
                    .expect(e -> "DOCUMENT_NOT_ALLOWED".equals(e.getExtensions().get("code"))).verify();
            client.document("query Me { me { id openid } }").execute().errors()
                    .expect(e -> "DOCUMENT_NOT_ALLOWED".equals(e.getExtensions().get("code"))).verify();

            client.document(ApiDocuments.load("ErrorCodes")).execute().errors().verify();
            // the same document reformatted is still the same document
            client.document(ApiDocuments.load("ErrorCodes").replace("\n", "   \n  ")).execute().errors().verify();
            client.document(ApiDocuments.load("LoginWithWeChat")).variable("input", Map.of("code", "demo-resident"))
                    .execute().path("loginWithWeChat.accessToken").hasValue();
        }
    }
}
