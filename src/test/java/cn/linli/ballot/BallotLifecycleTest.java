package cn.linli.ballot;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.linli.ballot.BallotActor.STAFF;
import static cn.linli.ballot.BallotActor.TIMER;
import static cn.linli.ballot.BallotStatus.CANCELLED;
import static cn.linli.ballot.BallotStatus.CLOSED;
import static cn.linli.ballot.BallotStatus.DRAFT;
import static cn.linli.ballot.BallotStatus.OPEN;
import static cn.linli.ballot.BallotStatus.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every (action, status, actor) of the ballot lifecycle: the allowed ones lead where the table says, the rest refuse. */
class BallotLifecycleTest {

    private record Allowed(BallotStatus to, Set<BallotStatus> from, Set<BallotActor> by) {
    }

    private static final Map<BallotAction, Allowed> EXPECTED = Map.of(
            BallotAction.EDIT, new Allowed(DRAFT, EnumSet.of(DRAFT), EnumSet.of(STAFF)),
            BallotAction.PUBLISH, new Allowed(SCHEDULED, EnumSet.of(DRAFT), EnumSet.of(STAFF)),
            BallotAction.OPEN, new Allowed(OPEN, EnumSet.of(DRAFT, SCHEDULED), EnumSet.of(STAFF, TIMER)),
            BallotAction.CLOSE, new Allowed(CLOSED, EnumSet.of(OPEN), EnumSet.of(STAFF, TIMER)),
            BallotAction.CANCEL, new Allowed(CANCELLED, EnumSet.of(DRAFT, SCHEDULED, OPEN), EnumSet.of(STAFF)));

    static List<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (BallotAction action : BallotAction.values()) {
            for (BallotStatus from : BallotStatus.values()) {
                for (BallotActor actor : BallotActor.values()) {
                    all.add(Arguments.of(action, from, actor));
                }
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0} from {1} by {2}")
    @MethodSource("everyCombination")
    void allowedOnlyAsTheTableSays(BallotAction action, BallotStatus from, BallotActor actor) {
        Allowed allowed = EXPECTED.get(action);
        if (!allowed.by().contains(actor)) {
            assertThatThrownBy(() -> BallotLifecycle.check(action, from, actor))
                    .isInstanceOfSatisfying(LinliException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN));
            assertThat(BallotLifecycle.allows(action, from, actor)).isFalse();
        } else if (!allowed.from().contains(from)) {
            assertThatThrownBy(() -> BallotLifecycle.check(action, from, actor))
                    .isInstanceOfSatisfying(LinliException.class, ex -> {
                        assertThat(ex.code()).isEqualTo(ErrorCode.BALLOT_INVALID_TRANSITION);
                        assertThat(ex.extensions()).containsEntry("status", from.name());
                    });
            assertThat(BallotLifecycle.allows(action, from, actor)).isFalse();
        } else {
            assertThat(BallotLifecycle.check(action, from, actor)).isEqualTo(allowed.to());
            assertThat(BallotLifecycle.allows(action, from, actor)).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("actions")
    void sqlGuardsBindTheSameSources(BallotAction action) {
        assertThat(BallotLifecycle.sourcesOf(action)).isEqualTo(EXPECTED.get(action).from());
        assertThat(BallotLifecycle.targetOf(action)).isEqualTo(EXPECTED.get(action).to());
    }

    static BallotAction[] actions() {
        return BallotAction.values();
    }
}
