package cn.linli.project;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.linli.audit.AuditAction;
import cn.linli.ballot.BallotSubjectKind;
import cn.linli.ballot.SatisfactionBallots;
import cn.linli.need.ProjectNeeds;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import cn.linli.project.ProjectInputs.SignOffProjectInput;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * 监督委员会验收: a member of the community's supervision committee signs off a project waiting for it. The sign-off
 * that meets the community's {@link SignOffRule} completes the project in the same transaction: its needs are
 * resolved, its resources used, its satisfaction ballot (一户一票问效果) opens, and the residents are told. The
 * project row is locked first, so two members signing at once queue: one completes it, the other finds it done.
 */
@Service
class ProjectSignOffs {

    /** How long the satisfaction ballot stays open. */
    static final Duration BALLOT_OPEN_FOR = Duration.ofDays(14);

    private final ProjectRepository projects;
    private final CommitteeRepository committee;
    private final ResourceRepository resources;
    private final ProjectPolicy policy;
    private final ProjectSteps steps;
    private final ProjectNotices notices;
    private final ProjectNeeds needs;
    private final SatisfactionBallots ballots;

    ProjectSignOffs(ProjectRepository projects, CommitteeRepository committee, ResourceRepository resources,
                    ProjectPolicy policy, ProjectSteps steps, ProjectNotices notices, ProjectNeeds needs,
                    SatisfactionBallots ballots) {
        this.projects = projects;
        this.committee = committee;
        this.resources = resources;
        this.policy = policy;
        this.steps = steps;
        this.notices = notices;
        this.needs = needs;
        this.ballots = ballots;
    }

    /**
     * Refusals, in order: NOT_FOUND; STAFF_CANNOT_SIGN_OFF / NOT_SUPERVISION_MEMBER; ALREADY_SIGNED_OFF for a second
     * sign-off by the same member (a replay included); PROJECT_INVALID_TRANSITION unless it waits for sign-off.
     */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Project> signOff(Viewer viewer, SignOffProjectInput input) {
        return Mono.defer(() -> {
            long id = Ids.parse(input.projectId(), "input.projectId");
            return steps.find(id)
                    .flatMap(found -> policy.requireSigner(viewer, found.communityId()))
                    .then(projects.lock(id))
                    .flatMap(project -> projects.hasSignedOff(id, viewer.accountId())
                            .flatMap(signed -> signed ? Mono.error(ProjectPolicy.refused(ErrorCode.ALREADY_SIGNED_OFF))
                                    : signed(viewer, project, input)));
        });
    }

    private Mono<Project> signed(Viewer viewer, Project project, SignOffProjectInput input) {
        ProjectLifecycle.check(ProjectAction.SIGN_OFF, project.status(), ProjectActor.COMMITTEE);
        return projects.signOff(project.id(), viewer.accountId(), input.note())
                .then(Mono.zip(projects.find(project.id()), committee.countMembers(project.communityId()),
                        committee.rule(project.communityId())))
                .flatMap(t -> t.getT3().completes(t.getT1().signOffCount(), t.getT2())
                        ? completed(viewer, t.getT1())
                        : steps.audited(viewer.accountId(), project, t.getT1(), AuditAction.SIGNED_OFF,
                                signOffDetail(input)));
    }

    private Mono<Project> completed(Viewer viewer, Project project) {
        return steps.move(project, ProjectAction.COMPLETE, ProjectActor.COMMITTEE, viewer.accountId(),
                        AuditAction.COMPLETED, projects.complete(project.id(),
                                ProjectLifecycle.sourcesOf(ProjectAction.COMPLETE), ProjectStatus.COMPLETED),
                        Map.of("signOffs", project.signOffCount()))
                .flatMap(done -> settled(done)
                        .then(ballots.openFor(done.communityId(), BallotSubjectKind.PROJECT, done.id(),
                                "项目满意度：" + done.title(), Instant.now().plus(BALLOT_OPEN_FOR)))
                        .flatMap(ballotId -> projects.setBallot(done.id(), ballotId)))
                .flatMap(done -> notices.completed(done).thenReturn(done));
    }

    /** Its needs are resolved and its pledged resources used. */
    private Mono<Void> settled(Project project) {
        return projects.needLinks(List.of(project.id())).map(ProjectRepository.NeedLink::needId).collectList()
                .flatMap(ids -> needs.settle(ids, true, project.title()))
                .then(resources.useAllOf(project.id(), ResourceLifecycle.sourcesOf(ResourceAction.USE),
                        ResourceStatus.USED))
                .then();
    }

    private static Map<String, Object> signOffDetail(SignOffProjectInput input) {
        return input.note() == null ? Map.of() : Map.of("note", input.note());
    }
}
