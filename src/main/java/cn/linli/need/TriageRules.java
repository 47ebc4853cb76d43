package cn.linli.need;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The due-date arithmetic of 五事分流, pure: a community's own rule for a kind and level overrides the default one,
 * and the due date is the triage time plus that rule's allowance. Which needs escalate when overdue is decided here too.
 */
final class TriageRules {

    /** The rule that applies to this kind and level among {@code rules} (a community's own and the defaults). */
    static TriageRule applicable(List<TriageRule> rules, NeedKind kind, NeedLevel level) {
        TriageRule fallback = null;
        for (TriageRule rule : rules) {
            if (rule.kind() == kind && rule.level() == level) {
                if (rule.communityId() != null) {
                    return rule;
                }
                fallback = rule;
            }
        }
        if (fallback == null) {
            throw new IllegalStateException("no triage rule for " + kind + "/" + level);
        }
        return fallback;
    }

    static Instant dueAt(List<TriageRule> rules, NeedKind kind, NeedLevel level, Instant triagedAt) {
        return triagedAt.plus(Duration.ofSeconds(applicable(rules, kind, level).dueWithinSeconds()));
    }

    /** One rule per kind and level, in enum order: what a community's staff see and may change. */
    static List<TriageRule> effective(List<TriageRule> rules) {
        List<TriageRule> effective = new ArrayList<>();
        for (NeedKind kind : NeedKind.values()) {
            for (NeedLevel level : NeedLevel.values()) {
                effective.add(applicable(rules, kind, level));
            }
        }
        return effective;
    }

    /**
     * A 急事 (whatever its level) and any need triaged 紧急 escalate to the street when their due date passes while
     * the community still holds them (TRIAGED); ordered, on-agenda and resolved needs are in other hands.
     */
    static boolean escalates(NeedKind kind, NeedLevel level) {
        return kind == NeedKind.URGENT || level == NeedLevel.URGENT;
    }

    private TriageRules() {
    }
}
