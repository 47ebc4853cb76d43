package cn.linli.project;

import java.util.List;
import java.util.Map;

import cn.linli.audit.AuditAction;
import cn.linli.need.ProjectNeeds;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.idempotency.IdempotencyKeys;
import cn.linli.platform.security.Viewer;
import cn.linli.project.ProjectInputs.AddProjectMilestoneInput;
import cn.linli.project.ProjectInputs.CreateProjectInput;
import cn.linli.project.ProjectInputs.LinkProjectNeedsInput;
import cn.linli.project.ProjectInputs.MilestoneInput;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Staff of the community turn needs into a project (项目清单): create it with its goal, budget, milestones and the
 * triaged needs it answers (each need moves to IN_PROJECT on its own timeline), then add needs and milestones while
 * it is planned or in progress. Every change is one transaction, audited.
 */
@Service
class ProjectPlanning {

    private final ProjectRepository projects;
    private final MilestoneRepository milestones;
    private final ProjectPolicy policy;
    private final ProjectSteps steps;
    private final ProjectNeeds needs;

    ProjectPlanning(ProjectRepository projects, MilestoneRepository milestones, ProjectPolicy policy,
                    ProjectSteps steps, ProjectNeeds needs) {
        this.projects = projects;
        this.milestones = milestones;
        this.policy = policy;
        this.steps = steps;
        this.needs = needs;
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Project> create(Viewer viewer, CreateProjectInput input) {
        return Mono.defer(() -> {
            long community = Ids.parse(input.communityId(), "input.communityId");
            List<Long> needIds = parseIds(input.needIds(), "input.needIds");
            List<MilestoneInput> planned = input.milestones() == null ? List.of() : input.milestones();
            @Nullable String key = input.idempotencyKey() == null ? null : IdempotencyKeys.checked(input.idempotencyKey());
            String hash = IdempotencyKeys.sha256(String.join("\u0000", String.valueOf(community), input.title(),
                    input.goal(), String.valueOf(input.budgetFen()), String.valueOf(needIds), String.valueOf(planned)));
            var row = new ProjectRepository.NewProject(community, input.title(), input.goal(), input.budgetFen(),
                    viewer.accountId(), key, hash);
            return policy.requireStaff(viewer, community)
                    .then(projects.insert(row))
                    .flatMap(project -> Flux.fromIterable(planned)
                            .concatMap(m -> milestones.insert(project.id(), m.title(), m.dueOn()))
                            .then(linked(viewer, project, needIds))
                            .then(projects.find(project.id())))
                    .flatMap(project -> steps.audited(viewer.accountId(), null, project, AuditAction.CREATED,
                            Map.of("needIds", needIds, "milestones", planned.size())))
                    .switchIfEmpty(Mono.defer(() -> key == null ? Mono.empty() : replayed(viewer, key, hash)));
        });
    }

    /** A replay under the same key returns the first project; a different request under it is refused. */
    private Mono<Project> replayed(Viewer viewer, String key, String hash) {
        return projects.findByKey(viewer.accountId(), key)
                .flatMap(first -> IdempotencyKeys.ifSameRequest(first.requestHash(), hash,
                        () -> projects.find(first.id())));
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Project> linkNeeds(Viewer viewer, LinkProjectNeedsInput input) {
        return Mono.defer(() -> {
            long id = Ids.parse(input.projectId(), "input.projectId");
            List<Long> needIds = parseIds(input.needIds(), "input.needIds");
            return steps.lockedForStaff(viewer, id)
                    .flatMap(project -> steps.move(project, ProjectAction.EDIT, ProjectActor.STAFF, viewer.accountId(),
                            AuditAction.UPDATED, linked(viewer, project, needIds)
                                    .then(projects.touch(id, ProjectLifecycle.sourcesOf(ProjectAction.EDIT)))));
        });
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Project> addMilestone(Viewer viewer, AddProjectMilestoneInput input) {
        return Mono.defer(() -> {
            long id = Ids.parse(input.projectId(), "input.projectId");
            return steps.lockedForStaff(viewer, id)
                    .flatMap(project -> steps.move(project, ProjectAction.EDIT, ProjectActor.STAFF, viewer.accountId(),
                            AuditAction.UPDATED, milestones.insert(id, input.title(), input.dueOn())
                                    .then(projects.touch(id, ProjectLifecycle.sourcesOf(ProjectAction.EDIT)))));
        });
    }

    /** The needs move into the project (their lifecycle decides) and the project lists them. */
    private Mono<Void> linked(Viewer viewer, Project project, List<Long> needIds) {
        if (needIds.isEmpty()) {
            return Mono.empty();
        }
        return needs.link(viewer.accountId(), project.communityId(), needIds, project.title(), "input.needIds")
                .then(projects.linkNeeds(project.id(), needIds));
    }

    static List<Long> parseIds(@Nullable List<String> raw, String field) {
        return raw == null ? List.of() : raw.stream().map(id -> Ids.parse(id, field)).distinct().toList();
    }
}
