package cn.linli.need;

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

import static cn.linli.need.NeedActor.RESIDENT;
import static cn.linli.need.NeedActor.STAFF;
import static cn.linli.need.NeedActor.STREET_STAFF;
import static cn.linli.need.NeedActor.SYSTEM;
import static cn.linli.need.NeedStatus.ESCALATED;
import static cn.linli.need.NeedStatus.IN_PROJECT;
import static cn.linli.need.NeedStatus.MERGED;
import static cn.linli.need.NeedStatus.ON_AGENDA;
import static cn.linli.need.NeedStatus.ORDERED;
import static cn.linli.need.NeedStatus.RESOLVED;
import static cn.linli.need.NeedStatus.SUBMITTED;
import static cn.linli.need.NeedStatus.TRIAGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole table, written out independently of the class: every (action, state, actor) is allowed or refused. */
class NeedLifecycleTest {

    private record Rule(Set<NeedStatus> from, NeedStatus to, Set<NeedActor> by) {
    }

    private static final Set<NeedStatus> OPEN = EnumSet.of(SUBMITTED, TRIAGED, ORDERED, ON_AGENDA, ESCALATED,
            IN_PROJECT);

    /** {@code to} null: the action keeps the state. */
    private static final Map<NeedAction, Rule> EXPECTED = Map.ofEntries(
            Map.entry(NeedAction.SUBMIT, new Rule(Set.of(), SUBMITTED, Set.of(RESIDENT))),
            Map.entry(NeedAction.COLLECT, new Rule(Set.of(), SUBMITTED, Set.of(STAFF))),
            Map.entry(NeedAction.SUPPORT, new Rule(OPEN, null, Set.of(RESIDENT))),
            Map.entry(NeedAction.ABSORB, new Rule(OPEN, null, Set.of(STAFF))),
            Map.entry(NeedAction.TRIAGE, new Rule(Set.of(SUBMITTED, TRIAGED), TRIAGED, Set.of(STAFF))),
            Map.entry(NeedAction.MERGE, new Rule(Set.of(SUBMITTED, TRIAGED), MERGED, Set.of(STAFF))),
            Map.entry(NeedAction.ORDER, new Rule(Set.of(TRIAGED), ORDERED, Set.of(STAFF))),
            Map.entry(NeedAction.ORDER_CONFIRMED, new Rule(Set.of(ORDERED), RESOLVED, Set.of(SYSTEM))),
            Map.entry(NeedAction.ORDER_CANCELLED, new Rule(Set.of(ORDERED), TRIAGED, Set.of(SYSTEM))),
            Map.entry(NeedAction.PUT_ON_AGENDA, new Rule(Set.of(TRIAGED), ON_AGENDA, Set.of(STAFF))),
            Map.entry(NeedAction.MEETING_RESOLVED, new Rule(Set.of(ON_AGENDA), RESOLVED, Set.of(STAFF))),
            Map.entry(NeedAction.MEETING_ESCALATED, new Rule(Set.of(ON_AGENDA), ESCALATED, Set.of(STAFF))),
            Map.entry(NeedAction.MEETING_REOPENED, new Rule(Set.of(ON_AGENDA), TRIAGED, Set.of(STAFF))),
            Map.entry(NeedAction.ESCALATE, new Rule(Set.of(TRIAGED), ESCALATED, Set.of(SYSTEM))),
            Map.entry(NeedAction.RESOLVE, new Rule(Set.of(TRIAGED, ESCALATED), RESOLVED, Set.of(STAFF, STREET_STAFF))),
            Map.entry(NeedAction.ADD_TO_PROJECT, new Rule(Set.of(TRIAGED), IN_PROJECT, Set.of(STAFF))),
            Map.entry(NeedAction.PROJECT_COMPLETED, new Rule(Set.of(IN_PROJECT), RESOLVED, Set.of(SYSTEM))),
            Map.entry(NeedAction.PROJECT_CANCELLED, new Rule(Set.of(IN_PROJECT), TRIAGED, Set.of(SYSTEM))));

    static Stream<Arguments> everyCase() {
        List<Arguments> cases = new ArrayList<>();
        for (NeedAction action : NeedAction.values()) {
            for (NeedStatus from : NeedStatus.values()) {
                for (NeedActor actor : NeedActor.values()) {
                    cases.add(Arguments.of(action, from, actor));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} from {1} by {2}")
    @MethodSource("everyCase")
    void everyTransitionIsAllowedOrRefusedAsTheTableSays(NeedAction action, NeedStatus from, NeedActor actor) {
        Rule rule = EXPECTED.get(action);
        if (!rule.by().contains(actor)) {
            assertThatThrownBy(() -> NeedLifecycle.check(action, from, actor))
                    .isInstanceOfSatisfying(LinliException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN));
        } else if (!rule.from().contains(from)) {
            assertThatThrownBy(() -> NeedLifecycle.check(action, from, actor))
                    .isInstanceOfSatisfying(LinliException.class, ex -> {
                        assertThat(ex.code()).isEqualTo(ErrorCode.NEED_INVALID_TRANSITION);
                        assertThat(ex.getMessage()).contains(from.displayName());
                    });
        } else {
            assertThat(NeedLifecycle.check(action, from, actor)).isEqualTo(rule.to() == null ? from : rule.to());
        }
    }

    @Test
    void theDatabaseGuardsUseTheSameSources() {
        for (NeedAction action : NeedAction.values()) {
            assertThat(NeedLifecycle.sourcesOf(action)).as(action.name()).isEqualTo(EXPECTED.get(action).from());
        }
        assertThat(NeedLifecycle.INITIAL).isEqualTo(SUBMITTED);
    }

    @Test
    void everyStatusHasAChineseNameAndMergedAndResolvedAreClosed() {
        for (NeedStatus status : NeedStatus.values()) {
            assertThat(status.displayName()).isNotBlank();
            assertThat(status.open()).isEqualTo(OPEN.contains(status));
        }
        assertThat(NeedKind.MAJOR.displayName()).isEqualTo("大事");
        assertThat(NeedKind.DIFFICULT.displayName()).isEqualTo("难事");
        assertThat(NeedLevel.URGENT.displayName()).isEqualTo("紧急");
    }

    @Test
    void onlyMajorAndDifficultGoToTheMeeting() {
        for (NeedKind kind : NeedKind.values()) {
            assertThat(kind.forMeeting()).isEqualTo(kind == NeedKind.MAJOR || kind == NeedKind.DIFFICULT);
        }
    }

    @Test
    void everyActionMapsToAnAuditAction() {
        for (NeedAction action : NeedAction.values()) {
            assertThat(NeedMoves.auditAction(action)).isNotNull();
        }
    }
}
