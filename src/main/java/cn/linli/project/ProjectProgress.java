package cn.linli.project;

import java.util.List;
import java.util.Map;

import cn.linli.audit.AuditAction;
import cn.linli.need.ProjectNeeds;
import cn.linli.photo.PhotoService;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import cn.linli.project.ProjectInputs.CancelProjectInput;
import cn.linli.project.ProjectInputs.ReportMilestoneInput;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Staff run a project: start it, report milestones done with photos and a note (the community's residents are
 * told), submit it to the supervision committee once every milestone is done, or cancel it (its needs go back to
 * the community, its resources are offered again).
 */
@Service
class ProjectProgress {

    private final ProjectRepository projects;
    private final MilestoneRepository milestones;
    private final ResourceRepository resources;
    private final ProjectSteps steps;
    private final ProjectNotices notices;
    private final ProjectNeeds needs;
    private final PhotoService photos;

    ProjectProgress(ProjectRepository projects, MilestoneRepository milestones, ResourceRepository resources,
                    ProjectSteps steps, ProjectNotices notices, ProjectNeeds needs, PhotoService photos) {
        this.projects = projects;
        this.milestones = milestones;
        this.resources = resources;
        this.steps = steps;
        this.notices = notices;
        this.needs = needs;
        this.photos = photos;
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Project> start(Viewer viewer, String projectId) {
        return Mono.defer(() -> {
            long id = Ids.parse(projectId, "input.projectId");
            return steps.lockedForStaff(viewer, id)
                    .flatMap(project -> steps.move(project, ProjectAction.START, ProjectActor.STAFF, viewer.accountId(),
                            AuditAction.STARTED, projects.start(id, ProjectLifecycle.sourcesOf(ProjectAction.START),
                                    ProjectStatus.IN_PROGRESS)));
        });
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Project> reportMilestone(Viewer viewer, ReportMilestoneInput input) {
        return Mono.defer(() -> {
            long id = Ids.parse(input.milestoneId(), "input.milestoneId");
            List<Long> photoIds = PhotoService.parse(input.photoIds(), "input.photoIds");
            if (photoIds.isEmpty()) {
                return Mono.error(LinliException.invalid("input.photoIds", "请上传至少一张完成照片"));
            }
            return milestones.find(id)
                    .switchIfEmpty(Mono.error(() -> LinliException.notFound("里程碑")))
                    .flatMap(milestone -> steps.lockedForStaff(viewer, milestone.projectId())
                            .flatMap(project -> steps.move(project, ProjectAction.REPORT_MILESTONE, ProjectActor.STAFF,
                                    viewer.accountId(), AuditAction.MILESTONE_REPORTED,
                                    reported(viewer, project, id, input.note(), photoIds))));
        });
    }

    private Mono<Project> reported(Viewer viewer, Project project, long milestoneId, String note, List<Long> photoIds) {
        return photos.attach(viewer.accountId(), photoIds, "input.photoIds")
                .then(milestones.reportDone(milestoneId, note, photoIds, viewer.accountId()))
                .switchIfEmpty(Mono.error(() -> LinliException.invalid("input.milestoneId", "该里程碑已报告完成")))
                .flatMap(done -> notices.milestoneReported(project, done))
                .then(projects.touch(project.id(), ProjectLifecycle.sourcesOf(ProjectAction.REPORT_MILESTONE)));
    }

    /** To the committee: only with milestones, every one reported done (PROJECT_MILESTONES_OPEN otherwise). */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Project> submitForSignOff(Viewer viewer, String projectId) {
        return Mono.defer(() -> {
            long id = Ids.parse(projectId, "input.projectId");
            return steps.lockedForStaff(viewer, id)
                    .flatMap(project -> {
                        ProjectLifecycle.check(ProjectAction.SUBMIT_FOR_SIGN_OFF, project.status(), ProjectActor.STAFF);
                        return milestones.ofProjects(List.of(id)).collectList()
                                .flatMap(all -> all.isEmpty() || !all.stream().allMatch(Milestone::done)
                                        ? Mono.error(ProjectPolicy.refused(ErrorCode.PROJECT_MILESTONES_OPEN))
                                        : steps.move(project, ProjectAction.SUBMIT_FOR_SIGN_OFF, ProjectActor.STAFF,
                                                viewer.accountId(), AuditAction.SUBMITTED_FOR_SIGN_OFF,
                                                projects.submitForSignOff(id,
                                                        ProjectLifecycle.sourcesOf(ProjectAction.SUBMIT_FOR_SIGN_OFF),
                                                        ProjectStatus.AWAITING_SIGN_OFF)));
                    })
                    .flatMap(project -> notices.awaitingSignOff(project).thenReturn(project));
        });
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Project> cancel(Viewer viewer, CancelProjectInput input) {
        return Mono.defer(() -> {
            long id = Ids.parse(input.projectId(), "input.projectId");
            return steps.lockedForStaff(viewer, id)
                    .flatMap(project -> steps.move(project, ProjectAction.CANCEL, ProjectActor.STAFF,
                            viewer.accountId(), AuditAction.CANCELLED,
                            projects.cancel(id, ProjectLifecycle.sourcesOf(ProjectAction.CANCEL), ProjectStatus.CANCELLED),
                            Map.of("reason", input.reason())))
                    .flatMap(cancelled -> released(cancelled).thenReturn(cancelled));
        });
    }

    /** A cancelled project lets go of its needs (back with the community) and resources (offered again). */
    private Mono<Void> released(Project project) {
        return projects.needLinks(List.of(project.id())).map(ProjectRepository.NeedLink::needId).collectList()
                .flatMap(ids -> needs.settle(ids, false, project.title()))
                .then(resources.releaseAllOf(project.id(), ResourceLifecycle.sourcesOf(ResourceAction.RELEASE),
                        ResourceStatus.OFFERED))
                .then();
    }
}
