package cn.linli.project;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.linli.audit.AuditAction;
import cn.linli.audit.AuditChange;
import cn.linli.audit.AuditLog;
import cn.linli.audit.AuditSubject;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One step of a project, the same way for every flow: find and lock it for the community's staff, ask the lifecycle,
 * run the step's guarded update (empty: another change got there first, and the caller hears where it stands now)
 * and audit it inside the same transaction.
 */
@Component
class ProjectSteps {

    private final ProjectRepository projects;
    private final ProjectPolicy policy;
    private final AuditLog audit;

    ProjectSteps(ProjectRepository projects, ProjectPolicy policy, AuditLog audit) {
        this.projects = projects;
        this.policy = policy;
        this.audit = audit;
    }

    Mono<Project> find(long id) {
        return projects.find(id).switchIfEmpty(Mono.error(() -> LinliException.notFound("项目")));
    }

    /** The project, locked, once the viewer is known to be staff of its community. */
    Mono<Project> lockedForStaff(Viewer viewer, long id) {
        return find(id).flatMap(project -> policy.requireStaff(viewer, project.communityId()))
                .then(projects.lock(id));
    }

    Mono<Project> move(Project before, ProjectAction action, ProjectActor actor, long accountId, AuditAction audited,
                       Mono<Project> update) {
        return move(before, action, actor, accountId, audited, update, null);
    }

    /** As above, with what else the audit entry keeps (a reason, a note). */
    Mono<Project> move(Project before, ProjectAction action, ProjectActor actor, long accountId, AuditAction audited,
                       Mono<Project> update, @Nullable Map<String, Object> detail) {
        return Mono.defer(() -> {
            ProjectLifecycle.check(action, before.status(), actor);
            return update.switchIfEmpty(Mono.defer(() -> projects.find(before.id())
                            .flatMap(now -> Mono.error(ProjectLifecycle.invalidTransition(now.status())))))
                    .flatMap(after -> audited(accountId, before, after, audited, detail));
        });
    }

    Mono<Project> audited(long accountId, @Nullable Project before, Project after, AuditAction action,
                          @Nullable Map<String, Object> detail) {
        Map<String, Object> summary = summary(after);
        if (detail != null) {
            summary.putAll(detail);
        }
        return audit.record(new AuditChange(accountId, after.communityId(), AuditSubject.PROJECT, after.id(), action,
                before == null ? null : summary(before), summary)).thenReturn(after);
    }

    static Map<String, Object> summary(Project project) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("title", project.title());
        summary.put("status", project.status().name());
        summary.put("budgetFen", project.budgetFen());
        if (project.ballotId() != null) {
            summary.put("ballotId", project.ballotId());
        }
        return summary;
    }
}
