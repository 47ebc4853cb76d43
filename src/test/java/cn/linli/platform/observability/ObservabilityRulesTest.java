package cn.linli.platform.observability;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The small rules behind the metrics and logs: bounded tags, sane request ids, no query strings in the access log. */
class ObservabilityRulesTest {

    private final GraphQlOperations operations = new GraphQlOperations(Set.of("LoginWithWeChat", "MyOrders"));

    @Test
    void operationTagsAreTheKnownNamesOrOther() {
        assertThat(operations.bounded("LoginWithWeChat", null)).isEqualTo("LoginWithWeChat");
        assertThat(operations.bounded(null, "query MyOrders($first: Int) { myOrders { id } }")).isEqualTo("MyOrders");
        assertThat(operations.bounded("", "\n  mutation LoginWithWeChat { x }")).isEqualTo("LoginWithWeChat");
        assertThat(operations.bounded("Invented" + System.nanoTime(), null)).isEqualTo("other");
        assertThat(operations.bounded(null, "{ me { id } }")).isEqualTo("other");
        assertThat(operations.bounded(null, null)).isEqualTo("other");
    }

    @Test
    void theApiDocumentsNameTheKnownOperations() {
        GraphQlOperations fromApi = GraphQlOperations.fromApiDocuments();
        assertThat(fromApi.bounded("LoginWithWeChat", null)).isEqualTo("LoginWithWeChat");
        assertThat(fromApi.bounded("AccountFields", null)).as("a fragment is not an operation").isEqualTo("other");
    }

    @Test
    void saneRequestIdsAreKeptOthersReplaced() {
        assertThat(RequestIds.accept("abc-DEF_123")).isEqualTo("abc-DEF_123");
        assertThat(RequestIds.accept("x".repeat(64))).isEqualTo("x".repeat(64));
        for (String insane : new String[] {null, "", "x".repeat(65), "a b", "a\"b", "a\nb", "ä", "a/b"}) {
            assertThat(RequestIds.accept(insane)).as(String.valueOf(insane)).matches("[0-9a-f]{32}");
        }
        assertThat(RequestIds.accept(null)).isNotEqualTo(RequestIds.accept(null));
    }

    @Test
    void theAccessLogDropsTheQueryString() {
        assertThat(AccessLogConfig.pathOf("/photos/12?sig=secret&exp=1")).isEqualTo("/photos/12");
        assertThat(AccessLogConfig.pathOf("/graphql")).isEqualTo("/graphql");
    }
}
