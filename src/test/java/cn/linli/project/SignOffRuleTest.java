package cn.linli.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How many sign-offs complete a project: the rule's arithmetic, every edge. */
class SignOffRuleTest {

    @ParameterizedTest(name = "min {0}, majority {1}, {2} members → {3} needed")
    @CsvSource({
            // the default: one member's sign-off, however large the committee
            "1, false, 0, 1", "1, false, 1, 1", "1, false, 7, 1",
            // a fixed number
            "2, false, 1, 2", "3, false, 9, 3",
            // majority: more than half of the members, never fewer than the minimum
            "1, true, 1, 1", "1, true, 2, 2", "1, true, 3, 2", "1, true, 4, 3", "1, true, 5, 3", "1, true, 0, 1",
            "4, true, 5, 4", "2, true, 9, 5"})
    void required(int min, boolean majority, int members, int needed) {
        SignOffRule rule = new SignOffRule(min, majority);
        assertThat(rule.required(members)).isEqualTo(needed);
        assertThat(rule.completes(needed, members)).isTrue();
        assertThat(rule.completes(needed - 1, members)).isFalse();
    }

    @Test
    void atLeastOneSignOffAlways() {
        assertThatThrownBy(() -> new SignOffRule(0, true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SignOffRule(1, false).completes(0, 0)).isFalse();
    }
}
