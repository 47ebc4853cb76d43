package cn.linli.project;

import java.util.Collection;

/** Where a project stands (schema {@code ProjectStatus}); {@link ProjectLifecycle} moves it. */
public enum ProjectStatus {
    PLANNED("筹备中"),
    IN_PROGRESS("实施中"),
    AWAITING_SIGN_OFF("待监督委员会验收"),
    COMPLETED("已完成"),
    CANCELLED("已取消");

    private final String displayName;

    ProjectStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    static String[] names(Collection<ProjectStatus> statuses) {
        return statuses.stream().map(Enum::name).toArray(String[]::new);
    }
}
