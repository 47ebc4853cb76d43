package cn.linli.need;

/** What the joint meeting decided about a need on its agenda (schema {@code AgendaOutcome}). */
public enum AgendaOutcome {
    RESOLVED(NeedAction.MEETING_RESOLVED),
    ESCALATED(NeedAction.MEETING_ESCALATED),
    REOPENED(NeedAction.MEETING_REOPENED);

    private final NeedAction action;

    AgendaOutcome(NeedAction action) {
        this.action = action;
    }

    NeedAction action() {
        return action;
    }
}
