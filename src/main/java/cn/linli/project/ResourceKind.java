package cn.linli.project;

/** What a resource is (schema {@code ResourceKind}). */
public enum ResourceKind {
    VENUE("场地"),
    MONEY("资金"),
    SKILL("技能"),
    VOLUNTEER_HOURS("志愿服务时长"),
    MATERIALS("物资");

    private final String displayName;

    ResourceKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
