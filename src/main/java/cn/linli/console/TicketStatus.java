package cn.linli.console;

import java.util.Collection;

/** Where a console login ticket stands (schema {@code ConsoleLoginStatus}, which adds the computed EXPIRED). */
enum TicketStatus {
    PENDING("等待扫码确认"),
    CONFIRMED("已确认"),
    CLAIMED("已登录");

    private final String displayName;

    TicketStatus(String displayName) {
        this.displayName = displayName;
    }

    String displayName() {
        return displayName;
    }

    /** The enum names, for binding {@code status = any(:from)} guards. */
    static String[] names(Collection<TicketStatus> statuses) {
        return statuses.stream().map(Enum::name).toArray(String[]::new);
    }
}
