package cn.linli.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which console paths are the app's client routes (answered with index.html) and what the policy forbids. */
class ConsoleWebFilterTest {

    @Test
    void clientRoutesHaveNoFileExtension() {
        assertThat(ConsoleWebFilter.isClientRoute("/console/")).isTrue();
        assertThat(ConsoleWebFilter.isClientRoute("/console/dispatch")).isTrue();
        assertThat(ConsoleWebFilter.isClientRoute("/console/orders/12")).isTrue();
        assertThat(ConsoleWebFilter.isClientRoute("/console/assets/console-abc.js")).isFalse();
        assertThat(ConsoleWebFilter.isClientRoute("/console/favicon.ico")).isFalse();
    }

    @Test
    void thePolicyAllowsNoInlineOrForeignScript() {
        assertThat(ConsoleWebFilter.POLICY).contains("script-src 'self';").doesNotContain("unsafe-eval")
                .doesNotContain("script-src 'self' 'unsafe-inline'").contains("frame-ancestors 'none'")
                .doesNotContain("http");
    }
}
