package cn.linli.timebank;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;

/**
 * The voucher state machine, pure: an {@code ISSUED} voucher is used once by a member of the partner that supplies its
 * reward (the points settle to that partner), given back by its owner, or expired by the timer (both return the
 * points to the owner and the unit to stock). Nothing leaves {@code USED}, {@code CANCELLED} or {@code EXPIRED}.
 * Services ask {@link #check}; the conditional update binds {@link #sourcesOf} as its second line of defence.
 */
final class VoucherLifecycle {

    enum Action { VERIFY, CANCEL, EXPIRE }

    /** Who acts on a voucher: its owner, a member of the supplying partner, anyone else, or the expiry timer. */
    enum Actor { OWNER, SUPPLIER, OTHER, TIMER }

    /** Where a voucher's points go when it closes. */
    enum Settlement {
        /** From the community's redemption account to the supplying partner ({@code VOUCHER_SETTLE}). */
        TO_SUPPLIER(MovementKind.VOUCHER_SETTLE),
        /** From the community's redemption account back to the owner, with the unit back in stock ({@code VOUCHER_RETURN}). */
        BACK_TO_OWNER(MovementKind.VOUCHER_RETURN);

        final MovementKind movement;

        Settlement(MovementKind movement) {
            this.movement = movement;
        }
    }

    record Transition(VoucherStatus from, Action action, Actor actor, VoucherStatus to, Settlement settlement) {
    }

    static final List<Transition> TRANSITIONS = List.of(
            new Transition(VoucherStatus.ISSUED, Action.VERIFY, Actor.SUPPLIER, VoucherStatus.USED, Settlement.TO_SUPPLIER),
            new Transition(VoucherStatus.ISSUED, Action.CANCEL, Actor.OWNER, VoucherStatus.CANCELLED, Settlement.BACK_TO_OWNER),
            new Transition(VoucherStatus.ISSUED, Action.EXPIRE, Actor.TIMER, VoucherStatus.EXPIRED, Settlement.BACK_TO_OWNER));

    static Optional<Transition> find(VoucherStatus from, Action action, Actor actor) {
        return TRANSITIONS.stream()
                .filter(t -> t.from() == from && t.action() == action && t.actor() == actor)
                .findFirst();
    }

    /** Whether {@code actor} may take {@code action} at all (in some state). */
    static boolean mayAct(Action action, Actor actor) {
        return TRANSITIONS.stream().anyMatch(t -> t.action() == action && t.actor() == actor);
    }

    /** The states {@code action} starts from, for the guard of the conditional update. */
    static Set<VoucherStatus> sourcesOf(Action action) {
        Set<VoucherStatus> from = EnumSet.noneOf(VoucherStatus.class);
        TRANSITIONS.stream().filter(t -> t.action() == action).forEach(t -> from.add(t.from()));
        return from;
    }

    static String[] sourceNames(Action action) {
        return sourcesOf(action).stream().map(Enum::name).toArray(String[]::new);
    }

    /**
     * The transition, or the refusal a client sees: {@code FORBIDDEN} for the wrong actor, {@code VOUCHER_ALREADY_USED}
     * when a used voucher is verified again, {@code VOUCHER_NOT_USABLE} for any other closed voucher.
     */
    static Transition check(VoucherStatus from, Action action, Actor actor) {
        if (!mayAct(action, actor)) {
            throw LinliException.forbidden();
        }
        return find(from, action, actor).orElseThrow(() -> from == VoucherStatus.USED && action == Action.VERIFY
                ? new LinliException(ErrorCode.VOUCHER_ALREADY_USED)
                : new LinliException(ErrorCode.VOUCHER_NOT_USABLE));
    }

    /** A voucher is usable until its expiry instant (exclusive); verifying one past it is refused. */
    static Transition checkVerify(VoucherStatus from, Actor actor, Instant expiresAt, Instant now) {
        Transition transition = check(from, Action.VERIFY, actor);
        if (!expiresAt.isAfter(now)) {
            throw new LinliException(ErrorCode.VOUCHER_NOT_USABLE);
        }
        return transition;
    }

    /** The timer expires a voucher only once it is due and still open; otherwise it does nothing. */
    static Optional<Transition> expiryDue(VoucherStatus from, Instant expiresAt, Instant now) {
        return expiresAt.isAfter(now) ? Optional.empty() : find(from, Action.EXPIRE, Actor.TIMER);
    }

    /** The owner is reminded only of a voucher that can still be used. */
    static boolean worthReminding(VoucherStatus status) {
        return sourcesOf(Action.VERIFY).contains(status);
    }

    private VoucherLifecycle() {
    }
}
