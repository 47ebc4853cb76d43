package cn.linli.timebank;

import java.util.EnumSet;
import java.util.Set;

/** Why points moved: {@code timebank_transaction.kind}, shown as a statement line's kind. */
enum MovementKind {
    EARN_ORDER, EARN_VOLUNTEER, GRANT, POOL_GRANT, TRANSFER, DONATE, OVERFLOW, REDEEM, VOUCHER_RETURN, VOUCHER_SETTLE,
    HOLD, HOLD_RETURN, HOLD_PAY, EXPIRE, CORRECTION;

    /** Movements that carry service minutes, counted by the volunteer leaderboard. */
    static final Set<MovementKind> SERVICE = EnumSet.of(EARN_ORDER, EARN_VOLUNTEER);

    /** Names to bind into {@code kind = any(:kinds)}. */
    static String[] names(Set<MovementKind> kinds) {
        return kinds.stream().map(Enum::name).toArray(String[]::new);
    }
}
