package cn.linli.project;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;

import static cn.linli.project.ProjectActor.COMMITTEE;
import static cn.linli.project.ProjectActor.STAFF;
import static cn.linli.project.ProjectStatus.AWAITING_SIGN_OFF;
import static cn.linli.project.ProjectStatus.CANCELLED;
import static cn.linli.project.ProjectStatus.COMPLETED;
import static cn.linli.project.ProjectStatus.IN_PROGRESS;
import static cn.linli.project.ProjectStatus.PLANNED;

/**
 * A project's state machine: PLANNED → IN_PROGRESS → AWAITING_SIGN_OFF → COMPLETED, and CANCELLED before completion.
 * Staff plan, run and submit it; only the supervision committee completes it. Services ask {@link #check};
 * repository updates bind {@link #sourcesOf}, so the database decides races with the same rule.
 */
final class ProjectLifecycle {

    static final ProjectStatus INITIAL = PLANNED;

    private static final TransitionTable<ProjectStatus, ProjectAction, ProjectActor> TABLE =
            new TransitionTable<ProjectStatus, ProjectAction, ProjectActor>(ProjectStatus.class, ProjectAction.class,
                    ProjectLifecycle::invalidTransition)
                    .put(ProjectAction.CREATE, Set.of(), PLANNED, STAFF)
                    .put(ProjectAction.EDIT, EnumSet.of(PLANNED, IN_PROGRESS), null, STAFF)
                    .put(ProjectAction.START, EnumSet.of(PLANNED), IN_PROGRESS, STAFF)
                    .put(ProjectAction.REPORT_MILESTONE, EnumSet.of(IN_PROGRESS), null, STAFF)
                    .put(ProjectAction.SUBMIT_FOR_SIGN_OFF, EnumSet.of(IN_PROGRESS), AWAITING_SIGN_OFF, STAFF)
                    .put(ProjectAction.SIGN_OFF, EnumSet.of(AWAITING_SIGN_OFF), null, COMMITTEE)
                    .put(ProjectAction.COMPLETE, EnumSet.of(AWAITING_SIGN_OFF), COMPLETED, COMMITTEE)
                    .put(ProjectAction.CANCEL, EnumSet.of(PLANNED, IN_PROGRESS, AWAITING_SIGN_OFF), CANCELLED, STAFF);

    static Set<ProjectStatus> sourcesOf(ProjectAction action) {
        return TABLE.sourcesOf(action);
    }

    static ProjectStatus check(ProjectAction action, ProjectStatus from, ProjectActor actor) {
        return TABLE.check(action, from, actor);
    }

    static LinliException invalidTransition(ProjectStatus status) {
        return new LinliException(ErrorCode.PROJECT_INVALID_TRANSITION,
                "该项目" + status.displayName() + "，不能再这样操作", Map.of("status", status.name()), null);
    }

    private ProjectLifecycle() {
    }
}
