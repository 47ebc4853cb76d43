package cn.linli.timebank;

import java.util.EnumSet;
import java.util.Set;

/**
 * A points hold for a points-priced order ({@code points_hold.status}): {@code OPEN} until the order is confirmed
 * ({@code PAID} to the serving member) or cancelled ({@code RETURNED} to the resident). Closed holds stay closed.
 */
enum HoldStatus {
    OPEN, PAID, RETURNED;

    /** The states a hold may be closed from: only an open one. */
    static Set<HoldStatus> closableFrom() {
        return EnumSet.of(OPEN);
    }

    /** Whether a hold in this state may become {@code to}. */
    boolean mayBecome(HoldStatus to) {
        return this == OPEN && to != OPEN;
    }
}
