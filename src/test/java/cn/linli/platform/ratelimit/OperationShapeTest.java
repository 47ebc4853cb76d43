package cn.linli.platform.ratelimit;

import graphql.language.OperationDefinition.Operation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the operation-aware limits read from a document before it runs. */
class OperationShapeTest {

    @Test
    void everyAliasedRootFieldOfAMutationCounts() {
        OperationShape shape = OperationShape.of("mutation { a: logout { ok } b: logout { ok } c: logout { ok } }", null);
        assertThat(shape.type()).isEqualTo(Operation.MUTATION);
        assertThat(shape.rootFields()).hasSize(3);
        assertThat(shape.isLogin()).isFalse();
    }

    @Test
    void aLoginHiddenInAFragmentIsStillALogin() {
        OperationShape shape = OperationShape.of("""
                mutation M { ...Sneaky }
                fragment Sneaky on Mutation { ... on Mutation { loginWithWeChat(input: {code: "x"}) { accessToken } } }
                """, "M");
        assertThat(shape.isLogin()).isTrue();
        assertThat(OperationShape.of("mutation { refreshSession(input: {refreshToken: \"r\"}) { accessToken } }", null)
                .isLogin()).isTrue();
    }

    @Test
    void theNamedOperationIsTheOneMeasured() {
        String document = "query Q { me { id } } subscription S { notificationReceived { id } }";
        assertThat(OperationShape.of(document, "S").type()).isEqualTo(Operation.SUBSCRIPTION);
        assertThat(OperationShape.of(document, "Q").type()).isEqualTo(Operation.QUERY);
    }

    @Test
    void unparsableOrAmbiguousDocumentsAreLeftToGraphQl() {
        assertThat(OperationShape.of("{ me { id ", null)).isNull();
        assertThat(OperationShape.of("query A { me { id } } query B { me { id } }", null)).isNull();
        assertThat(OperationShape.of("query A { me { id } }", "Other")).isNull();
    }
}
