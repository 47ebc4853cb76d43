package cn.linli.identity;

import java.util.List;
import java.util.Map;

import cn.linli.support.ApiDocuments;
import cn.linli.support.IntegrationTest;
import cn.linli.support.SecondInstance;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * On an empty database nobody can appoint the first administrator through the API: the accounts named in
 * {@code linli.identity.bootstrap-admins} hold ADMIN from their next login, and nobody else does.
 */
class BootstrapAdminE2ETest extends IntegrationTest {

    @Test
    void theConfiguredAccountBecomesAdministratorAtItsNextLoginAndOnlyIt() {
        String founderCode = "founder-" + java.util.UUID.randomUUID();
        Login founder = login(founderCode);
        Login bystander = login("bystander-" + java.util.UUID.randomUUID());
        api(founder.client(), "CreateStreet").variable("input", Map.of("name", "新街道" + founder.accountId())).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();

        try (SecondInstance server = SecondInstance.start(Map.of("linli.identity.bootstrap-admins",
                String.valueOf(founder.accountId())))) {
            String token = loginOn(server, founderCode).path("loginWithWeChat.accessToken").entity(String.class).get();
            loginOn(server, founderCode).path("loginWithWeChat.account.roles").entityList(String.class).contains("ADMIN");
            client(server, token).document(ApiDocuments.load("CreateStreet")).operationName("CreateStreet")
                    .variable("input", Map.of("name", "新街道" + founder.accountId())).execute().errors().verify();
            // a bystander logging in on the same server is not made an administrator
            GraphQlTester.Response other = loginOn(server, "bystander-x" + bystander.accountId());
            List<String> roles = other.path("loginWithWeChat.account.roles").entityList(String.class).get();
            org.assertj.core.api.Assertions.assertThat(roles).doesNotContain("ADMIN");
        }
    }

    private static HttpGraphQlTester client(SecondInstance server, String token) {
        WebTestClient.Builder http = WebTestClient.bindToServer().baseUrl("http://localhost:" + server.port() + "/graphql");
        if (token != null) {
            http.defaultHeader("Authorization", "Bearer " + token);
        }
        return HttpGraphQlTester.create(http.build());
    }

    private static GraphQlTester.Response loginOn(SecondInstance server, String code) {
        return client(server, null).document(ApiDocuments.load("LoginWithWeChat")).operationName("LoginWithWeChat")
                .variable("input", Map.of("code", code)).execute();
    }
}
