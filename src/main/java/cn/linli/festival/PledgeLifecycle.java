package cn.linli.festival;

import java.util.Map;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;

/**
 * A pledge's state machine, per kind. Money: PENDING → PAID (WeChat Pay confirms) or CLOSED (never paid), PAID →
 * REFUNDING (a failed all-or-nothing deadline) → REFUNDED (WeChat Pay refunded it). Items: PLEDGED → RECEIVED (staff)
 * or RELEASED (the failed deadline). Time: SIGNED_UP → ATTENDED (staff). Offline money is RECORDED and stays so.
 * Services ask {@link #check}; SQL guards bind {@link Action#from()} and {@link Action#to()}.
 */
final class PledgeLifecycle {

    enum Action {
        PAY(PledgeKind.MONEY, PledgeStatus.PENDING, PledgeStatus.PAID, FestivalActor.WECHAT_PAY),
        CLOSE_UNPAID(PledgeKind.MONEY, PledgeStatus.PENDING, PledgeStatus.CLOSED, FestivalActor.WECHAT_PAY),
        START_REFUND(PledgeKind.MONEY, PledgeStatus.PAID, PledgeStatus.REFUNDING, FestivalActor.DEADLINE),
        REFUND(PledgeKind.MONEY, PledgeStatus.REFUNDING, PledgeStatus.REFUNDED, FestivalActor.WECHAT_PAY),
        RECEIVE(PledgeKind.ITEM, PledgeStatus.PLEDGED, PledgeStatus.RECEIVED, FestivalActor.STAFF),
        RELEASE(PledgeKind.ITEM, PledgeStatus.PLEDGED, PledgeStatus.RELEASED, FestivalActor.DEADLINE),
        ATTEND(PledgeKind.TIME, PledgeStatus.SIGNED_UP, PledgeStatus.ATTENDED, FestivalActor.STAFF);

        private final PledgeKind kind;
        private final PledgeStatus from;
        private final PledgeStatus to;
        private final FestivalActor actor;

        Action(PledgeKind kind, PledgeStatus from, PledgeStatus to, FestivalActor actor) {
            this.kind = kind;
            this.from = from;
            this.to = to;
            this.actor = actor;
        }

        PledgeKind kind() {
            return kind;
        }

        PledgeStatus from() {
            return from;
        }

        PledgeStatus to() {
            return to;
        }

        FestivalActor actor() {
            return actor;
        }
    }

    private static final Map<PledgeKind, PledgeStatus> INITIAL = Map.of(PledgeKind.MONEY, PledgeStatus.PENDING,
            PledgeKind.ITEM, PledgeStatus.PLEDGED, PledgeKind.TIME, PledgeStatus.SIGNED_UP,
            PledgeKind.OFFLINE, PledgeStatus.RECORDED);

    /** The status a new pledge of this kind starts in. */
    static PledgeStatus initial(PledgeKind kind) {
        return INITIAL.get(kind);
    }

    static boolean allows(PledgeKind kind, PledgeStatus from, Action action) {
        return action.kind == kind && action.from == from;
    }

    static boolean mayAct(Action action, FestivalActor actor) {
        return action.actor == actor;
    }

    /** The status after the action; refused with FORBIDDEN for the wrong actor, else with the action's own error. */
    static PledgeStatus check(PledgeKind kind, PledgeStatus from, Action action, FestivalActor actor) {
        if (!mayAct(action, actor)) {
            throw LinliException.forbidden();
        }
        if (!allows(kind, from, action)) {
            throw refusal(action);
        }
        return action.to;
    }

    /** What the caller hears when the pledge is not where the action starts (e.g. attendance already recorded). */
    static LinliException refusal(Action action) {
        return switch (action) {
            case RECEIVE -> new LinliException(ErrorCode.VALIDATION_FAILED, "该认捐不是待收物资",
                    Map.of("field", "input.pledgeId"), null);
            case ATTEND -> new LinliException(ErrorCode.ATTENDANCE_ALREADY_RECORDED);
            default -> new LinliException(ErrorCode.VALIDATION_FAILED, "该捐款当前状态不允许此操作",
                    Map.of("field", "input.pledgeId"), null);
        };
    }

    private PledgeLifecycle() {
    }
}
