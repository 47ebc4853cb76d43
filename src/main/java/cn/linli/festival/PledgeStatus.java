package cn.linli.festival;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a pledge is: PENDING, PAID, REFUNDING, REFUNDED, CLOSED (money); PLEDGED, RECEIVED, RELEASED (items);
 * SIGNED_UP, ATTENDED (time); RECORDED (offline). {@link PledgeLifecycle} says how it moves.
 */
enum PledgeStatus {
    PENDING,
    PAID,
    REFUNDING,
    REFUNDED,
    CLOSED,
    PLEDGED,
    RECEIVED,
    RELEASED,
    SIGNED_UP,
    ATTENDED,
    RECORDED;

    /** The statuses whose pledges count towards progress, the supporters and the ledger. */
    static final Set<PledgeStatus> COUNTING = EnumSet.of(PAID, RECORDED, PLEDGED, RECEIVED, SIGNED_UP, ATTENDED);

    boolean counts() {
        return COUNTING.contains(this);
    }
}
