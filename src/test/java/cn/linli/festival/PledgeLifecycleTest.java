package cn.linli.festival;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import cn.linli.festival.PledgeLifecycle.Action;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every (kind, status, action, actor) of a pledge: the seven allowed transitions, and every other one refused. */
class PledgeLifecycleTest {

    private static final Map<String, PledgeStatus> ALLOWED = Map.of(
            "MONEY PENDING PAY WECHAT_PAY", PledgeStatus.PAID,
            "MONEY PENDING CLOSE_UNPAID WECHAT_PAY", PledgeStatus.CLOSED,
            "MONEY PAID START_REFUND DEADLINE", PledgeStatus.REFUNDING,
            "MONEY REFUNDING REFUND WECHAT_PAY", PledgeStatus.REFUNDED,
            "ITEM PLEDGED RECEIVE STAFF", PledgeStatus.RECEIVED,
            "ITEM PLEDGED RELEASE DEADLINE", PledgeStatus.RELEASED,
            "TIME SIGNED_UP ATTEND STAFF", PledgeStatus.ATTENDED);

    /** One test over the whole table (4 kinds × 11 statuses × 7 actions × 4 actors), so it runs in milliseconds. */
    @Test
    void onlyTheTableIsAllowed() {
        int allowed = 0;
        for (PledgeKind kind : PledgeKind.values()) {
            for (PledgeStatus from : PledgeStatus.values()) {
                for (Action action : Action.values()) {
                    for (FestivalActor actor : FestivalActor.values()) {
                        allowed += checkOne(kind, from, action, actor) ? 1 : 0;
                    }
                }
            }
        }
        assertThat(allowed).isEqualTo(ALLOWED.size());
    }

    private static boolean checkOne(PledgeKind kind, PledgeStatus from, Action action, FestivalActor actor) {
        String transition = kind + " " + from + " " + action + " " + actor;
        PledgeStatus expected = ALLOWED.get(transition);
        if (expected != null) {
            assertThat(PledgeLifecycle.check(kind, from, action, actor)).as(transition).isEqualTo(expected);
            assertThat(action.to()).as(transition).isEqualTo(expected);
            return true;
        }
        ErrorCode code = action.actor() != actor ? ErrorCode.FORBIDDEN : PledgeLifecycle.refusal(action).code();
        assertThatThrownBy(() -> PledgeLifecycle.check(kind, from, action, actor)).as(transition)
                .isInstanceOfSatisfying(LinliException.class, ex -> assertThat(ex.code()).as(transition).isEqualTo(code));
        return false;
    }

    @Test
    void staffRefusalsKeepTheirCodesAndFields() {
        assertThatThrownBy(() -> PledgeLifecycle.check(PledgeKind.ITEM, PledgeStatus.RECEIVED, Action.RECEIVE,
                FestivalActor.STAFF)).isInstanceOfSatisfying(LinliException.class, ex -> {
                    assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(ex.getMessage()).isEqualTo("该认捐不是待收物资");
                    assertThat(ex.extensions()).containsEntry("field", "input.pledgeId");
                });
        assertThatThrownBy(() -> PledgeLifecycle.check(PledgeKind.TIME, PledgeStatus.ATTENDED, Action.ATTEND,
                FestivalActor.STAFF)).isInstanceOfSatisfying(LinliException.class,
                ex -> assertThat(ex.code()).isEqualTo(ErrorCode.ATTENDANCE_ALREADY_RECORDED));
        // attendance of a pledge that is not a sign-up at all is refused the same way
        assertThatThrownBy(() -> PledgeLifecycle.check(PledgeKind.ITEM, PledgeStatus.SIGNED_UP, Action.ATTEND,
                FestivalActor.STAFF)).isInstanceOfSatisfying(LinliException.class,
                ex -> assertThat(ex.code()).isEqualTo(ErrorCode.ATTENDANCE_ALREADY_RECORDED));
    }

    @Test
    void eachKindStartsInItsOwnStatus() {
        assertThat(PledgeLifecycle.initial(PledgeKind.MONEY)).isEqualTo(PledgeStatus.PENDING);
        assertThat(PledgeLifecycle.initial(PledgeKind.ITEM)).isEqualTo(PledgeStatus.PLEDGED);
        assertThat(PledgeLifecycle.initial(PledgeKind.TIME)).isEqualTo(PledgeStatus.SIGNED_UP);
        assertThat(PledgeLifecycle.initial(PledgeKind.OFFLINE)).isEqualTo(PledgeStatus.RECORDED);
    }

    @Test
    void pledgesCountOnceGivenAndUntilGivenBack() {
        assertThat(PledgeStatus.COUNTING).containsExactlyInAnyOrderElementsOf(EnumSet.of(PledgeStatus.PAID,
                PledgeStatus.RECORDED, PledgeStatus.PLEDGED, PledgeStatus.RECEIVED, PledgeStatus.SIGNED_UP,
                PledgeStatus.ATTENDED));
        for (PledgeStatus status : List.of(PledgeStatus.PENDING, PledgeStatus.CLOSED, PledgeStatus.REFUNDING,
                PledgeStatus.REFUNDED, PledgeStatus.RELEASED)) {
            assertThat(status.counts()).as(status.name()).isFalse();
        }
        assertThat(Enums.names(EnumSet.of(PledgeStatus.PAID, PledgeStatus.RECORDED))).containsExactly("PAID", "RECORDED");
    }
}
