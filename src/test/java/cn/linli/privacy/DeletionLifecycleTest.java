package cn.linli.privacy;

import java.util.EnumSet;
import java.util.stream.Stream;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every (action, state, actor) of the account deletion lifecycle: allowed ones lead where the table says, the rest are refused. */
class DeletionLifecycleTest {

    static Stream<Arguments> everyCase() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (DeletionAction action : DeletionAction.values()) {
            for (DeletionStatus from : DeletionStatus.values()) {
                for (DeletionActor actor : DeletionActor.values()) {
                    cases.add(Arguments.of(action, from, actor));
                }
            }
        }
        return cases.build();
    }

    @ParameterizedTest
    @MethodSource("everyCase")
    void theTableDecides(DeletionAction action, DeletionStatus from, DeletionActor actor) {
        DeletionActor allowedActor = action == DeletionAction.CANCEL ? DeletionActor.PERSON : DeletionActor.SYSTEM;
        DeletionStatus expected = action == DeletionAction.CANCEL ? DeletionStatus.CANCELLED : DeletionStatus.PERFORMED;
        if (actor != allowedActor) {
            assertThatThrownBy(() -> DeletionLifecycle.check(action, from, actor))
                    .isInstanceOfSatisfying(LinliException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN));
        } else if (from != DeletionStatus.PENDING) {
            assertThatThrownBy(() -> DeletionLifecycle.check(action, from, actor))
                    .isInstanceOfSatisfying(LinliException.class, ex -> {
                        assertThat(ex.code()).isEqualTo(ErrorCode.ACCOUNT_DELETION_INVALID_TRANSITION);
                        assertThat(ex.extensions()).containsEntry("status", from.name());
                    });
        } else {
            assertThat(DeletionLifecycle.check(action, from, actor)).isEqualTo(expected);
        }
        assertThat(DeletionLifecycle.sourcesOf(action)).isEqualTo(EnumSet.of(DeletionStatus.PENDING));
    }

    @org.junit.jupiter.api.Test
    void aRequestStartsPending() {
        assertThat(DeletionLifecycle.INITIAL).isEqualTo(DeletionStatus.PENDING);
    }
}
