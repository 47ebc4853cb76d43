package cn.linli.order;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.linli.order.ActorKind.PARTNER;
import static cn.linli.order.ActorKind.RESIDENT;
import static cn.linli.order.ActorKind.STAFF;
import static cn.linli.order.ActorKind.SYSTEM;
import static cn.linli.order.OrderStatus.ACCEPTED;
import static cn.linli.order.OrderStatus.CANCELLED;
import static cn.linli.order.OrderStatus.COMPLETED;
import static cn.linli.order.OrderStatus.CONFIRMED;
import static cn.linli.order.OrderStatus.DISPATCHED;
import static cn.linli.order.OrderStatus.IN_SERVICE;
import static cn.linli.order.OrderStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The order state machine, written out independently of {@link OrderLifecycle}'s table: every (action, state, actor)
 * combination is either in {@link #ALLOWED} and passes, or is refused with the right code.
 */
class OrderLifecycleTest {

    private record Allowed(OrderAction action, ActorKind actor, Set<OrderStatus> from, OrderStatus to) {
    }

    private static final List<Allowed> ALLOWED = List.of(
            new Allowed(OrderAction.DISPATCH, STAFF, EnumSet.of(SUBMITTED), DISPATCHED),
            new Allowed(OrderAction.DISPATCH, SYSTEM, EnumSet.of(SUBMITTED), DISPATCHED),
            new Allowed(OrderAction.ACCEPT, PARTNER, EnumSet.of(DISPATCHED), ACCEPTED),
            new Allowed(OrderAction.DECLINE, PARTNER, EnumSet.of(DISPATCHED), SUBMITTED),
            new Allowed(OrderAction.DECLINE_OFFER, PARTNER, EnumSet.of(DISPATCHED), DISPATCHED),
            new Allowed(OrderAction.EXPIRE, SYSTEM, EnumSet.of(DISPATCHED), SUBMITTED),
            new Allowed(OrderAction.ESCALATE, SYSTEM, EnumSet.of(SUBMITTED, DISPATCHED), SUBMITTED),
            new Allowed(OrderAction.START, PARTNER, EnumSet.of(ACCEPTED), IN_SERVICE),
            new Allowed(OrderAction.COMPLETE, PARTNER, EnumSet.of(IN_SERVICE), COMPLETED),
            new Allowed(OrderAction.CONFIRM, RESIDENT, EnumSet.of(COMPLETED), CONFIRMED),
            new Allowed(OrderAction.AUTO_CONFIRM, SYSTEM, EnumSet.of(COMPLETED), CONFIRMED),
            new Allowed(OrderAction.CANCEL, RESIDENT, EnumSet.of(SUBMITTED, DISPATCHED), CANCELLED),
            new Allowed(OrderAction.CANCEL, STAFF, EnumSet.of(SUBMITTED, DISPATCHED, ACCEPTED, IN_SERVICE, COMPLETED),
                    CANCELLED));

    private static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (OrderAction action : OrderAction.values()) {
            for (OrderStatus from : OrderStatus.values()) {
                for (ActorKind actor : ActorKind.values()) {
                    all.add(Arguments.of(action, from, actor));
                }
            }
        }
        return all.stream();
    }

    private static boolean expectedAllowed(OrderAction action, OrderStatus from, ActorKind actor) {
        return ALLOWED.stream().anyMatch(a -> a.action() == action && a.actor() == actor && a.from().contains(from));
    }

    private static boolean expectedMayAct(OrderAction action, ActorKind actor) {
        return ALLOWED.stream().anyMatch(a -> a.action() == action && a.actor() == actor);
    }

    @ParameterizedTest(name = "{0} from {1} by {2}")
    @MethodSource("everyCombination")
    void everyCombinationIsAllowedOrRefusedWithItsCode(OrderAction action, OrderStatus from, ActorKind actor) {
        boolean allowed = expectedAllowed(action, from, actor);
        assertThat(OrderLifecycle.allows(action, from, actor)).isEqualTo(allowed);
        if (allowed) {
            assertThatNoException().isThrownBy(() -> OrderLifecycle.check(action, from, actor));
        } else if (!expectedMayAct(action, actor)) {
            assertThatThrownBy(() -> OrderLifecycle.check(action, from, actor))
                    .isInstanceOfSatisfying(LinliException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN));
        } else {
            assertThatThrownBy(() -> OrderLifecycle.check(action, from, actor))
                    .isInstanceOfSatisfying(LinliException.class, ex -> {
                        assertThat(ex.code()).isEqualTo(ErrorCode.ORDER_INVALID_TRANSITION);
                        assertThat(ex.getMessage()).isEqualTo("订单当前状态（" + from.displayName() + "）不允许此操作");
                        assertThat(ex.extensions()).containsEntry("status", from.name());
                    });
        }
    }

    @Test
    void everyActionLeadsToItsTargetAndItsGuardIsTheUnionOfItsSources() {
        for (OrderAction action : OrderAction.values()) {
            List<Allowed> rules = ALLOWED.stream().filter(a -> a.action() == action).toList();
            assertThat(rules).as("a rule for %s", action).isNotEmpty();
            assertThat(OrderLifecycle.targetOf(action)).isEqualTo(rules.get(0).to());
            Set<OrderStatus> union = EnumSet.noneOf(OrderStatus.class);
            rules.forEach(rule -> union.addAll(rule.from()));
            assertThat(OrderLifecycle.sourcesOf(action)).isEqualTo(union);
            for (ActorKind actor : ActorKind.values()) {
                Set<OrderStatus> expected = rules.stream().filter(r -> r.actor() == actor).findFirst()
                        .map(Allowed::from).orElse(Set.of());
                assertThat(OrderLifecycle.sourcesOf(action, actor)).isEqualTo(expected);
            }
        }
    }

    @Test
    void confirmedAndCancelledAreFinal() {
        for (OrderAction action : OrderAction.values()) {
            assertThat(OrderLifecycle.sourcesOf(action)).doesNotContain(CONFIRMED, CANCELLED);
        }
        assertThat(OrderLifecycle.INITIAL).isEqualTo(SUBMITTED);
    }

    @Test
    void displayNamesAreTheOnesResidentsSee() {
        Map<OrderStatus, String> names = Map.of(SUBMITTED, "待派单", DISPATCHED, "待接单", ACCEPTED, "已接单",
                IN_SERVICE, "服务中", COMPLETED, "待确认", CONFIRMED, "已完成", CANCELLED, "已取消");
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(status.displayName()).isEqualTo(names.get(status));
        }
    }

    @Test
    void capacityIsHeldWhileDispatchedAcceptedOrInServiceAndThePhoneShownWhileServing() {
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::holdsCapacity))
                .containsExactlyInAnyOrder(DISPATCHED, ACCEPTED, IN_SERVICE);
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::serving))
                .containsExactlyInAnyOrder(ACCEPTED, IN_SERVICE);
    }
}
