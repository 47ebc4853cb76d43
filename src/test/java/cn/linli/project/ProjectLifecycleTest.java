package cn.linli.project;

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

import static cn.linli.project.ProjectActor.COMMITTEE;
import static cn.linli.project.ProjectActor.STAFF;
import static cn.linli.project.ProjectStatus.AWAITING_SIGN_OFF;
import static cn.linli.project.ProjectStatus.CANCELLED;
import static cn.linli.project.ProjectStatus.COMPLETED;
import static cn.linli.project.ProjectStatus.IN_PROGRESS;
import static cn.linli.project.ProjectStatus.PLANNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The project's whole table, written out independently of the class: every (action, state, actor) case. */
class ProjectLifecycleTest {

    private record Rule(Set<ProjectStatus> from, ProjectStatus to, Set<ProjectActor> by) {
    }

    /** {@code to} null: the action keeps the state. */
    private static final Map<ProjectAction, Rule> EXPECTED = Map.of(
            ProjectAction.CREATE, new Rule(Set.of(), PLANNED, Set.of(STAFF)),
            ProjectAction.EDIT, new Rule(Set.of(PLANNED, IN_PROGRESS), null, Set.of(STAFF)),
            ProjectAction.START, new Rule(Set.of(PLANNED), IN_PROGRESS, Set.of(STAFF)),
            ProjectAction.REPORT_MILESTONE, new Rule(Set.of(IN_PROGRESS), null, Set.of(STAFF)),
            ProjectAction.SUBMIT_FOR_SIGN_OFF, new Rule(Set.of(IN_PROGRESS), AWAITING_SIGN_OFF, Set.of(STAFF)),
            ProjectAction.SIGN_OFF, new Rule(Set.of(AWAITING_SIGN_OFF), null, Set.of(COMMITTEE)),
            ProjectAction.COMPLETE, new Rule(Set.of(AWAITING_SIGN_OFF), COMPLETED, Set.of(COMMITTEE)),
            ProjectAction.CANCEL, new Rule(Set.of(PLANNED, IN_PROGRESS, AWAITING_SIGN_OFF), CANCELLED, Set.of(STAFF)));

    static Stream<Arguments> everyCase() {
        List<Arguments> cases = new ArrayList<>();
        for (ProjectAction action : ProjectAction.values()) {
            for (ProjectStatus from : ProjectStatus.values()) {
                for (ProjectActor actor : ProjectActor.values()) {
                    cases.add(Arguments.of(action, from, actor));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} from {1} by {2}")
    @MethodSource("everyCase")
    void everyTransitionIsAllowedOrRefusedAsTheTableSays(ProjectAction action, ProjectStatus from, ProjectActor actor) {
        Rule rule = EXPECTED.get(action);
        if (!rule.by().contains(actor)) {
            assertThatThrownBy(() -> ProjectLifecycle.check(action, from, actor))
                    .isInstanceOfSatisfying(LinliException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN));
        } else if (!rule.from().contains(from)) {
            assertThatThrownBy(() -> ProjectLifecycle.check(action, from, actor))
                    .isInstanceOfSatisfying(LinliException.class, ex -> {
                        assertThat(ex.code()).isEqualTo(ErrorCode.PROJECT_INVALID_TRANSITION);
                        assertThat(ex.getMessage()).contains(from.displayName());
                        assertThat(ex.extensions()).containsEntry("status", from.name());
                    });
        } else {
            assertThat(ProjectLifecycle.check(action, from, actor)).isEqualTo(rule.to() == null ? from : rule.to());
        }
    }

    @Test
    void theDatabaseGuardsUseTheSameSources() {
        for (ProjectAction action : ProjectAction.values()) {
            assertThat(ProjectLifecycle.sourcesOf(action)).as(action.name()).isEqualTo(EXPECTED.get(action).from());
        }
        assertThat(ProjectLifecycle.INITIAL).isEqualTo(PLANNED);
    }

    @Test
    void completedAndCancelledAreFinal() {
        for (ProjectAction action : ProjectAction.values()) {
            assertThat(ProjectLifecycle.sourcesOf(action)).doesNotContain(COMPLETED, CANCELLED);
        }
        assertThat(EnumSet.allOf(ProjectStatus.class)).allSatisfy(s -> assertThat(s.displayName()).isNotBlank());
    }

    @Test
    void onlyTheCommitteeCompletesAndStaffNeverSignOff() {
        assertThatThrownBy(() -> ProjectLifecycle.check(ProjectAction.COMPLETE, AWAITING_SIGN_OFF, STAFF))
                .isInstanceOfSatisfying(LinliException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThatThrownBy(() -> ProjectLifecycle.check(ProjectAction.SIGN_OFF, AWAITING_SIGN_OFF, STAFF))
                .isInstanceOfSatisfying(LinliException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThat(ProjectLifecycle.check(ProjectAction.COMPLETE, AWAITING_SIGN_OFF, COMMITTEE)).isEqualTo(COMPLETED);
    }
}
