package cn.linli.need;

/** 一般 or 紧急 (schema {@code NeedLevel}); with the kind, it picks the triage rule that sets the due date. */
public enum NeedLevel {
    NORMAL("一般"),
    URGENT("紧急");

    private final String displayName;

    NeedLevel(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
