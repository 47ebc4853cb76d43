package cn.linli.timebank;

import java.time.Instant;
import java.util.stream.Stream;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.timebank.VoucherLifecycle.Action;
import cn.linli.timebank.VoucherLifecycle.Actor;
import cn.linli.timebank.VoucherLifecycle.Settlement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every (state, action, actor) of the voucher lifecycle: the three allowed moves and the refusal of all the rest. */
class VoucherLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    /** The whole table: what each combination does, or which error refuses it. */
    static Stream<Arguments> table() {
        Stream.Builder<Arguments> rows = Stream.builder();
        for (VoucherStatus from : VoucherStatus.values()) {
            for (Action action : Action.values()) {
                for (Actor actor : Actor.values()) {
                    rows.add(Arguments.of(from, action, actor, expected(from, action, actor)));
                }
            }
        }
        return rows.build();
    }

    /** The rules written out independently of the implementation's table. */
    private static Object expected(VoucherStatus from, Action action, Actor actor) {
        Actor allowed = switch (action) {
            case VERIFY -> Actor.SUPPLIER;
            case CANCEL -> Actor.OWNER;
            case EXPIRE -> Actor.TIMER;
        };
        if (actor != allowed) {
            return ErrorCode.FORBIDDEN;
        }
        if (from != VoucherStatus.ISSUED) {
            return from == VoucherStatus.USED && action == Action.VERIFY ? ErrorCode.VOUCHER_ALREADY_USED
                    : ErrorCode.VOUCHER_NOT_USABLE;
        }
        return switch (action) {
            case VERIFY -> VoucherStatus.USED;
            case CANCEL -> VoucherStatus.CANCELLED;
            case EXPIRE -> VoucherStatus.EXPIRED;
        };
    }

    @ParameterizedTest(name = "{0} --{1} by {2}--> {3}")
    @MethodSource("table")
    void everyCombinationIsAllowedOrRefusedAsTheRulesSay(VoucherStatus from, Action action, Actor actor, Object outcome) {
        if (outcome instanceof VoucherStatus to) {
            assertThat(VoucherLifecycle.check(from, action, actor).to()).isEqualTo(to);
            assertThat(VoucherLifecycle.find(from, action, actor)).isPresent();
        } else {
            assertThatThrownBy(() -> VoucherLifecycle.check(from, action, actor))
                    .isInstanceOfSatisfying(LinliException.class, ex -> assertThat(ex.code()).isEqualTo(outcome));
            assertThat(VoucherLifecycle.find(from, action, actor)).isEmpty();
        }
    }

    @Test
    void usedVouchersSettleToTheSupplierAndTheOthersReturnToTheOwner() {
        assertThat(VoucherLifecycle.check(VoucherStatus.ISSUED, Action.VERIFY, Actor.SUPPLIER).settlement())
                .isEqualTo(Settlement.TO_SUPPLIER);
        assertThat(VoucherLifecycle.check(VoucherStatus.ISSUED, Action.CANCEL, Actor.OWNER).settlement())
                .isEqualTo(Settlement.BACK_TO_OWNER);
        assertThat(VoucherLifecycle.check(VoucherStatus.ISSUED, Action.EXPIRE, Actor.TIMER).settlement())
                .isEqualTo(Settlement.BACK_TO_OWNER);
        assertThat(Settlement.TO_SUPPLIER.movement).isEqualTo(MovementKind.VOUCHER_SETTLE);
        assertThat(Settlement.BACK_TO_OWNER.movement).isEqualTo(MovementKind.VOUCHER_RETURN);
    }

    @Test
    void everyActionStartsFromIssuedOnly() {
        for (Action action : Action.values()) {
            assertThat(VoucherLifecycle.sourcesOf(action)).containsExactly(VoucherStatus.ISSUED);
            assertThat(VoucherLifecycle.sourceNames(action)).containsExactly("ISSUED");
        }
    }

    @Test
    void aVoucherPastItsExpiryCannotBeVerifiedEvenWhenStillIssued() {
        assertThat(VoucherLifecycle.checkVerify(VoucherStatus.ISSUED, Actor.SUPPLIER, NOW.plusSeconds(1), NOW).to())
                .isEqualTo(VoucherStatus.USED);
        for (Instant expiry : new Instant[] {NOW, NOW.minusSeconds(1)}) {
            assertThatThrownBy(() -> VoucherLifecycle.checkVerify(VoucherStatus.ISSUED, Actor.SUPPLIER, expiry, NOW))
                    .isInstanceOfSatisfying(LinliException.class,
                            ex -> assertThat(ex.code()).isEqualTo(ErrorCode.VOUCHER_NOT_USABLE));
        }
        // the wrong partner hears FORBIDDEN before anything about the voucher
        assertThatThrownBy(() -> VoucherLifecycle.checkVerify(VoucherStatus.USED, Actor.OTHER, NOW.minusSeconds(1), NOW))
                .isInstanceOfSatisfying(LinliException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void theTimerExpiresOnlyDueIssuedVouchers() {
        assertThat(VoucherLifecycle.expiryDue(VoucherStatus.ISSUED, NOW, NOW)).isPresent();
        assertThat(VoucherLifecycle.expiryDue(VoucherStatus.ISSUED, NOW.minusSeconds(60), NOW)).isPresent();
        assertThat(VoucherLifecycle.expiryDue(VoucherStatus.ISSUED, NOW.plusSeconds(1), NOW)).isEmpty();
        for (VoucherStatus closed : new VoucherStatus[] {VoucherStatus.USED, VoucherStatus.CANCELLED, VoucherStatus.EXPIRED}) {
            assertThat(VoucherLifecycle.expiryDue(closed, NOW.minusSeconds(60), NOW)).isEmpty();
        }
    }

    @Test
    void onlyUsableVouchersAreWorthAReminder() {
        assertThat(VoucherLifecycle.worthReminding(VoucherStatus.ISSUED)).isTrue();
        assertThat(VoucherLifecycle.worthReminding(VoucherStatus.USED)).isFalse();
        assertThat(VoucherLifecycle.worthReminding(VoucherStatus.CANCELLED)).isFalse();
        assertThat(VoucherLifecycle.worthReminding(VoucherStatus.EXPIRED)).isFalse();
    }
}
