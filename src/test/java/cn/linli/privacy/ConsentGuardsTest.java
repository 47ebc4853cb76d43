package cn.linli.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The consent gate finds a guarded mutation however the document spells it, and nothing else. */
class ConsentGuardsTest {

    @Test
    void guardedMutationsAreFoundByNameAliasAndFragment() {
        assertThat(ConsentGuards.guarded("mutation B($i: BindPhoneNumberInput!) { bindPhoneNumber(input: $i) { id } }", "B"))
                .isTrue();
        assertThat(ConsentGuards.guarded("mutation { me: requestHouseholdVerification(input: {}) { id } }", null)).isTrue();
        assertThat(ConsentGuards.guarded("mutation { ...F } fragment F on Mutation { applyAsPartner(input: {}) { id } }",
                null)).isTrue();
        assertThat(ConsentGuards.guarded("mutation { ... on Mutation { bindPhoneNumber(input: {}) { id } } }", null)).isTrue();
    }

    @Test
    void otherOperationsPass() {
        assertThat(ConsentGuards.guarded("query { me { id } }", null)).isFalse();
        assertThat(ConsentGuards.guarded("mutation { updateMyProfile(input: {nickname: \"x\"}) { id } }", null)).isFalse();
        // a query mentioning the name in a string is not the mutation
        assertThat(ConsentGuards.guarded("query { errorCodes { code } } # bindPhoneNumber", null)).isFalse();
        assertThat(ConsentGuards.guarded("mutation A { bindPhoneNumber(input: {}) { id } } query B { me { id } }", "B"))
                .isFalse();
        assertThat(ConsentGuards.guarded("not graphql {", null)).isFalse();
    }
}
