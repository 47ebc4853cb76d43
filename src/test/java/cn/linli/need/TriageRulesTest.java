package cn.linli.need;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Due dates from per-community rules: a community's own rule overrides the default; the arithmetic is exact. */
class TriageRulesTest {

    private static final long HOUR = 3600;
    private static final Instant TRIAGED = Instant.parse("2026-12-02T03:00:00Z");

    /** The migration's defaults. */
    private static List<TriageRule> defaults() {
        List<TriageRule> rules = new ArrayList<>();
        long[][] hours = {{30 * 24, 7 * 24}, {7 * 24, 2 * 24}, {14 * 24, 3 * 24}, {2 * 24, 24}, {60 * 24, 14 * 24}};
        for (NeedKind kind : NeedKind.values()) {
            rules.add(new TriageRule(null, kind, NeedLevel.NORMAL, hours[kind.ordinal()][0] * HOUR));
            rules.add(new TriageRule(null, kind, NeedLevel.URGENT, hours[kind.ordinal()][1] * HOUR));
        }
        return rules;
    }

    @Test
    void theDefaultRuleSetsTheDueDate() {
        assertThat(TriageRules.dueAt(defaults(), NeedKind.URGENT, NeedLevel.URGENT, TRIAGED))
                .isEqualTo(TRIAGED.plus(Duration.ofDays(1)));
        assertThat(TriageRules.dueAt(defaults(), NeedKind.MAJOR, NeedLevel.NORMAL, TRIAGED))
                .isEqualTo(TRIAGED.plus(Duration.ofDays(30)));
        assertThat(TriageRules.dueAt(defaults(), NeedKind.PRACTICAL, NeedLevel.URGENT, TRIAGED))
                .isEqualTo(TRIAGED.plus(Duration.ofDays(2)));
    }

    @Test
    void aCommunitysOwnRuleOverridesTheDefaultWhateverTheOrder() {
        List<TriageRule> rules = new ArrayList<>();
        rules.add(new TriageRule(7L, NeedKind.URGENT, NeedLevel.URGENT, 4 * HOUR));
        rules.addAll(defaults());
        assertThat(TriageRules.dueAt(rules, NeedKind.URGENT, NeedLevel.URGENT, TRIAGED))
                .isEqualTo(TRIAGED.plus(Duration.ofHours(4)));
        rules.add(rules.remove(0));
        assertThat(TriageRules.applicable(rules, NeedKind.URGENT, NeedLevel.URGENT).dueWithinSeconds()).isEqualTo(4 * HOUR);
        // the other level keeps the default
        assertThat(TriageRules.applicable(rules, NeedKind.URGENT, NeedLevel.NORMAL).communityId()).isNull();
    }

    @Test
    void effectiveRulesAreOnePerKindAndLevel() {
        List<TriageRule> rules = new ArrayList<>(defaults());
        rules.add(new TriageRule(7L, NeedKind.MAJOR, NeedLevel.NORMAL, 10 * 24 * HOUR));
        List<TriageRule> effective = TriageRules.effective(rules);
        assertThat(effective).hasSize(NeedKind.values().length * NeedLevel.values().length);
        assertThat(effective.get(0)).isEqualTo(new TriageRule(7L, NeedKind.MAJOR, NeedLevel.NORMAL, 10 * 24 * HOUR));
        assertThat(effective.stream().filter(rule -> rule.communityId() != null)).hasSize(1);
    }

    @Test
    void aMissingRuleIsAProgrammingError() {
        assertThatThrownBy(() -> TriageRules.applicable(List.of(), NeedKind.MAJOR, NeedLevel.NORMAL))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void urgentKindsAndUrgentLevelsEscalate() {
        for (NeedKind kind : NeedKind.values()) {
            assertThat(TriageRules.escalates(kind, NeedLevel.URGENT)).isTrue();
            assertThat(TriageRules.escalates(kind, NeedLevel.NORMAL)).isEqualTo(kind == NeedKind.URGENT);
        }
    }
}
