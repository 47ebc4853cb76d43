package cn.linli.need;

import java.util.Collection;

/** Where a need stands (schema {@code NeedStatus}); {@link NeedLifecycle} moves it. */
public enum NeedStatus {
    SUBMITTED("待分流"),
    TRIAGED("处理中"),
    ORDERED("已转服务工单"),
    ON_AGENDA("待联席会议"),
    ESCALATED("已上报街道"),
    RESOLVED("已解决"),
    MERGED("已合并"),
    /** Linked to a project of the community (项目清单): settled when the project completes. */
    IN_PROJECT("已纳入项目");

    private final String displayName;

    NeedStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Still being worked on: residents may support it, and it may absorb duplicates. */
    boolean open() {
        return this != RESOLVED && this != MERGED;
    }

    static String[] names(Collection<NeedStatus> statuses) {
        return statuses.stream().map(Enum::name).toArray(String[]::new);
    }
}
