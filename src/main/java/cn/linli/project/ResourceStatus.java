package cn.linli.project;

import java.util.Collection;

/** Where a resource stands (schema {@code ResourceStatus}); {@link ResourceLifecycle} moves it. */
public enum ResourceStatus {
    OFFERED("可用"),
    PLEDGED("已认领到项目"),
    USED("已用于项目"),
    WITHDRAWN("已撤回");

    private final String displayName;

    ResourceStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    static String[] names(Collection<ResourceStatus> statuses) {
        return statuses.stream().map(Enum::name).toArray(String[]::new);
    }
}
