package cn.linli.household;

import java.util.Collection;

/** Where a verification request stands (schema {@code VerificationStatus}); {@link VerificationLifecycle} moves it. */
public enum VerificationStatus {
    PENDING("待审核"),
    APPROVED("已通过"),
    REJECTED("已驳回"),
    WITHDRAWN("已撤回");

    private final String displayName;

    VerificationStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The enum names, for binding {@code status = any(:from)} guards. */
    static String[] names(Collection<VerificationStatus> statuses) {
        return statuses.stream().map(Enum::name).toArray(String[]::new);
    }
}
