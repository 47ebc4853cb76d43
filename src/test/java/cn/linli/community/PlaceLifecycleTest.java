package cn.linli.community;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import cn.linli.community.PlaceLifecycle.Action;
import cn.linli.community.PlaceLifecycle.Outcome;
import cn.linli.community.PlaceLifecycle.State;
import cn.linli.community.PlaceLifecycle.Surroundings;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every action in every state and surrounding, for every kind of place: the whole table, without Spring. */
class PlaceLifecycleTest {

    /** The expected answer: an outcome, or the error code of the refusal. */
    private static @Nullable Object expected(State from, Action action, Surroundings around) {
        return switch (action) {
            case RENAME -> Outcome.CHANGE;
            case ADD_CHILD -> from == State.IN_USE ? Outcome.CHANGE : ErrorCode.PLACE_RETIRED;
            case RETIRE -> from == State.RETIRED ? Outcome.UNCHANGED
                    : around.childrenInUse() ? ErrorCode.PLACE_HAS_ACTIVE_CHILDREN : Outcome.CHANGE;
            case REINSTATE -> from == State.IN_USE ? Outcome.UNCHANGED
                    : around.parentInUse() ? Outcome.CHANGE : ErrorCode.PLACE_RETIRED;
        };
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (PlaceKind kind : PlaceKind.values()) {
            for (State from : State.values()) {
                for (Action action : Action.values()) {
                    for (boolean parentInUse : new boolean[] {true, false}) {
                        for (boolean childrenInUse : new boolean[] {true, false}) {
                            rows.add(Arguments.of(kind, from, action, new Surroundings(parentInUse, childrenInUse)));
                        }
                    }
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("table")
    void everyTransitionIsAllowedOrRefusedAsTheTableSays(PlaceKind kind, State from, Action action, Surroundings around) {
        Object expected = expected(from, action, around);
        if (expected instanceof ErrorCode code) {
            LinliException refused = catchThrowableOfType(LinliException.class,
                    () -> PlaceLifecycle.check(kind, from, action, around));
            assertThat(refused).as("refused").isNotNull();
            assertThat(refused.code()).isEqualTo(code);
            assertThat(refused.getMessage()).isNotBlank();
        } else {
            assertThat(PlaceLifecycle.check(kind, from, action, around)).isEqualTo(expected);
        }
    }

    @Test
    void refusalsNameTheLevelsInvolved() {
        LinliException children = catchThrowableOfType(LinliException.class, () -> PlaceLifecycle.check(
                PlaceKind.BUILDING, State.IN_USE, Action.RETIRE, new Surroundings(true, true)));
        assertThat(children.getMessage()).isEqualTo("请先停用该楼栋下仍在使用的单元");
        LinliException parent = catchThrowableOfType(LinliException.class, () -> PlaceLifecycle.check(
                PlaceKind.HOUSEHOLD, State.RETIRED, Action.REINSTATE, new Surroundings(false, false)));
        assertThat(parent.getMessage()).isEqualTo("所属单元已停用，请先恢复它");
    }

    @Test
    void theLevelsChainTopDownAndAdministratorsOwnTheTopTwo() {
        assertThat(PlaceKind.STREET.parent()).isNull();
        assertThat(PlaceKind.HOUSEHOLD.child()).isNull();
        assertThat(PlaceKind.ESTATE.parent()).isEqualTo(PlaceKind.COMMUNITY);
        assertThat(PlaceKind.UNIT.child()).isEqualTo(PlaceKind.HOUSEHOLD);
        assertThat(Stream.of(PlaceKind.values()).filter(PlaceKind::managedByAdmins))
                .containsExactly(PlaceKind.STREET, PlaceKind.COMMUNITY);
        assertThat(Stream.of(PlaceKind.values()).map(PlaceKind::maxNameLength))
                .containsExactly(100, 100, 100, 50, 50, 20);
    }
}
