package cn.linli.platform;

import java.util.Map;

import cn.linli.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Abusive queries are refused before any resolver runs: no SQL is sent for them. */
@ExtendWith(OutputCaptureExtension.class)
class QueryLimitsE2ETest extends IntegrationTest {

    @Test
    void tooDeepQueryIsRefusedWithoutTouchingTheDatabase() {
        Login login = resident();
        sql.reset();
        login.client().document("""
                        { communities { edges { node { estates { community { estates { community { estates {
                          community { estates { community { estates { community { name } } } } } } } } } } } } } }
                        """).execute()
                .errors().expect(error -> "QUERY_TOO_DEEP".equals(error.getExtensions().get("code"))).verify();
        assertThat(sql.statements()).isEmpty();
    }

    @Test
    void tooComplexQueryIsRefusedWithoutTouchingTheDatabase() {
        Login login = resident();
        StringBuilder aliases = new StringBuilder("{");
        for (int i = 0; i < 40; i++) {
            aliases.append(" c").append(i).append(": communities(first: 100) { edges { node { id name } } }");
        }
        sql.reset();
        login.client().document(aliases.append(" }").toString()).execute()
                .errors().expect(error -> "QUERY_TOO_COMPLEX".equals(error.getExtensions().get("code"))).verify();
        assertThat(sql.statements()).isEmpty();
    }

    /**
     * The outside review's amplification (issue 16 item 8): 1,000 aliases of an expensive field, written compactly as the
     * review's were (under the 64 KB body cap and graphql-java's 15,000-token parser limit).
     */
    @Test
    void aliasedExpensiveFieldsAreRefusedWithoutTouchingTheDatabase() {
        Login staff = staff();
        Login newcomer = login("limits-new-resident");
        sql.reset();
        staff.client().document(aliases(1000, "dispatchCandidates(orderId:1){rank}")).execute()
                .errors().expect(error -> "QUERY_TOO_COMPLEX".equals(error.getExtensions().get("code"))).verify();
        newcomer.client().document(aliases(1000, "partner(id:1){scorecard{completedOrders}}")).execute()
                .errors().expect(error -> "QUERY_TOO_COMPLEX".equals(error.getExtensions().get("code"))).verify();
        // fewer aliases than the root-field cap, still too heavy by the weights
        staff.client().document(aliases(20, "timeBankReconciliation(communityId:1){balanced}")).execute()
                .errors().expect(error -> "QUERY_TOO_COMPLEX".equals(error.getExtensions().get("code"))).verify();
        assertThat(sql.statements()).isEmpty();
        api(staff.client(), "ErrorCodes").execute().errors().verify();
    }

    private static String aliases(int count, String field) {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            query.append("a").append(i).append(':').append(field);
        }
        return query.append('}').toString();
    }

    @Test
    void pageSizeAboveTheCapIsRefused() {
        Login login = resident();
        sql.reset();
        api(login.client(), "Communities").variable("first", 101).execute()
                .errors().expect(error -> "VALIDATION_FAILED".equals(error.getExtensions().get("code"))
                        && "communities.first".equals(error.getExtensions().get("field")))
                .verify();
        api(login.client(), "Communities").variable("first", 0).execute()
                .errors().expect(error -> "VALIDATION_FAILED".equals(error.getExtensions().get("code"))).verify();
        assertThat(sql.statements()).isEmpty();
        api(login.client(), "Communities").variable("first", 100).execute().errors().verify();
    }

    @Test
    void badFaithIntrospectionIsTooComplexNotAServerFault(CapturedOutput output) {
        anonymous().document("{ a: __schema { types { name } } b: __schema { types { name } } }").execute()
                .errors().expect(error -> "QUERY_TOO_COMPLEX".equals(error.getExtensions().get("code"))
                        && !error.getExtensions().containsKey("correlationId"))
                .verify();
        assertThat(output.getAll()).doesNotContain("Unexpected GraphQL error");
    }

    @Test
    void graphiqlIntrospectionStillWorks() {
        GraphQlTester.Response response = anonymous().document(INTROSPECTION).execute();
        response.errors().verify();
        response.path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
    }

    @Test
    void syntaxErrorsAndUnknownFieldsAreValidationFailures() {
        anonymous().document("{ me { id ").execute()
                .errors().expect(error -> "VALIDATION_FAILED".equals(error.getExtensions().get("code"))
                        && error.getMessage().equals("请求语法有误"))
                .verify();
        anonymous().document("{ me { id secretField } }").execute()
                .errors().expect(error -> "VALIDATION_FAILED".equals(error.getExtensions().get("code"))
                        && "secretField".equals(error.getExtensions().get("field")))
                .verify();
    }

    @Test
    void oversizedRequestBodyIsRefused() {
        String huge = "x".repeat(200_000);
        http().post().uri("/graphql")
                .header("Content-Type", "application/json")
                .bodyValue(Map.of("query", "mutation($c: String!) { loginWithWeChat(input: {code: $c}) { accessToken } }",
                        "variables", Map.of("c", huge)))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void errorCodesAreListedWithChineseMessages() {
        api(anonymous(), "ErrorCodes").execute()
                .path("errorCodes[?(@.code == 'FORBIDDEN')].message").entityList(String.class)
                .containsExactly("没有权限执行此操作");
    }

    /** The query GraphiQL sends to draw its documentation explorer (abridged to the deep type-reference part). */
    private static final String INTROSPECTION = """
            query IntrospectionQuery {
              __schema {
                queryType { name } mutationType { name } subscriptionType { name }
                types { ...FullType }
                directives { name description locations args { ...InputValue } }
              }
            }
            fragment FullType on __Type {
              kind name description
              fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef }
                isDeprecated deprecationReason }
              inputFields { ...InputValue }
              interfaces { ...TypeRef }
              enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
              possibleTypes { ...TypeRef }
            }
            fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
            fragment TypeRef on __Type {
              kind name
              ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
                ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
            }
            """;
}
