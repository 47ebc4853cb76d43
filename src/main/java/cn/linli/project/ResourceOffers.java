package cn.linli.project;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import cn.linli.audit.AuditAction;
import cn.linli.audit.AuditChange;
import cn.linli.audit.AuditLog;
import cn.linli.audit.AuditSubject;
import cn.linli.partner.PartnerMember;
import cn.linli.partner.PartnerService;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import cn.linli.project.ProjectInputs.OfferResourceInput;
import cn.linli.project.ProjectInputs.PledgeResourceInput;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * 资源清单: a partner's member offers a resource to a community their partner serves under a valid contract; staff
 * record one a unit (驻区单位) offers, naming the unit. The offerer or staff withdraw it while it is free; staff pledge
 * it to a project of the same community. Every change is audited.
 */
@Service
class ResourceOffers {

    private final ResourceRepository resources;
    private final ProjectPolicy policy;
    private final ProjectSteps steps;
    private final ProjectRepository projects;
    private final PartnerService partners;
    private final AuditLog audit;

    ResourceOffers(ResourceRepository resources, ProjectPolicy policy, ProjectSteps steps, ProjectRepository projects,
                   PartnerService partners, AuditLog audit) {
        this.resources = resources;
        this.policy = policy;
        this.steps = steps;
        this.projects = projects;
        this.partners = partners;
        this.audit = audit;
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Resource> offer(Viewer viewer, OfferResourceInput input) {
        return Mono.defer(() -> {
            long community = Ids.parse(input.communityId(), "input.communityId");
            Mono<@Nullable Long> offerer = input.unitName() != null
                    ? policy.requireStaff(viewer, community).then(Mono.empty())
                    : servingPartner(viewer, community);
            return offerer.map(partnerId -> row(viewer, community, input, partnerId))
                    .switchIfEmpty(Mono.fromSupplier(() -> row(viewer, community, input, null)))
                    .flatMap(resources::insert)
                    .flatMap(made -> audited(viewer, null, made, AuditAction.CREATED));
        });
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Resource> withdraw(Viewer viewer, String resourceId) {
        return Mono.defer(() -> {
            long id = Ids.parse(resourceId, "input.resourceId");
            return resources.lock(id)
                    .switchIfEmpty(Mono.error(() -> LinliException.notFound("资源")))
                    .flatMap(before -> actorOn(viewer, before)
                            .flatMap(actor -> {
                                ResourceLifecycle.check(ResourceAction.WITHDRAW, before.status(), actor);
                                return resources.withdraw(id, ResourceLifecycle.sourcesOf(ResourceAction.WITHDRAW),
                                        ResourceStatus.WITHDRAWN);
                            })
                            .flatMap(after -> audited(viewer, before, after, AuditAction.WITHDRAWN)));
        });
    }

    /** Staff pledge a free resource of the community to a project being planned or run. */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Project> pledge(Viewer viewer, PledgeResourceInput input) {
        return Mono.defer(() -> {
            long projectId = Ids.parse(input.projectId(), "input.projectId");
            long resourceId = Ids.parse(input.resourceId(), "input.resourceId");
            return steps.lockedForStaff(viewer, projectId)
                    .flatMap(project -> steps.move(project, ProjectAction.EDIT, ProjectActor.STAFF, viewer.accountId(),
                            AuditAction.UPDATED, pledged(viewer, project, resourceId)
                                    .then(projects.touch(projectId, ProjectLifecycle.sourcesOf(ProjectAction.EDIT))),
                            Map.of("pledgedResourceId", resourceId)));
        });
    }

    private Mono<Resource> pledged(Viewer viewer, Project project, long resourceId) {
        return resources.lock(resourceId)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("资源")))
                .flatMap(before -> {
                    if (before.communityId() != project.communityId()) {
                        return Mono.error(LinliException.invalid("input.resourceId", "只能认领本社区的资源"));
                    }
                    ResourceLifecycle.check(ResourceAction.PLEDGE, before.status(), ResourceActor.STAFF);
                    return resources.pledge(resourceId, ResourceLifecycle.sourcesOf(ResourceAction.PLEDGE),
                                    ResourceStatus.PLEDGED, project.id())
                            .flatMap(after -> audited(viewer, before, after, AuditAction.PLEDGED));
                });
    }

    /** The partner the viewer offers for: FORBIDDEN unless they serve one that serves the community. */
    private Mono<Long> servingPartner(Viewer viewer, long communityId) {
        return partners.membershipOf(viewer.accountId())
                .map(PartnerMember::partnerId)
                .filterWhen(partnerId -> resources.partnerServes(partnerId, communityId))
                .switchIfEmpty(Mono.error(LinliException::forbidden));
    }

    /** Staff of its community, or a member of the partner that offered it; FORBIDDEN otherwise. */
    private Mono<ResourceActor> actorOn(Viewer viewer, Resource resource) {
        return policy.requireStaff(viewer, resource.communityId()).thenReturn(ResourceActor.STAFF)
                .onErrorResume(LinliException.class, refused -> partners.membershipOf(viewer.accountId())
                        .filter(member -> Objects.equals(member.partnerId(), resource.partnerId()))
                        .map(member -> ResourceActor.OFFERER)
                        .switchIfEmpty(Mono.error(refused)));
    }

    private static ResourceRepository.NewResource row(Viewer viewer, long communityId, OfferResourceInput input,
                                                      @Nullable Long partnerId) {
        return new ResourceRepository.NewResource(communityId, input.kind(), input.title(), input.description(),
                input.quantity(), input.unit(), partnerId, partnerId == null ? input.unitName() : null,
                viewer.accountId());
    }

    private Mono<Resource> audited(Viewer viewer, @Nullable Resource before, Resource after, AuditAction action) {
        return audit.record(new AuditChange(viewer.accountId(), after.communityId(), AuditSubject.PROJECT_RESOURCE,
                after.id(), action, before == null ? null : summary(before), summary(after))).thenReturn(after);
    }

    private static Map<String, Object> summary(Resource resource) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("kind", resource.kind().name());
        summary.put("title", resource.title());
        summary.put("quantity", resource.quantity() + " " + resource.unit());
        summary.put("offeredBy", resource.offeredByName());
        summary.put("status", resource.status().name());
        if (resource.projectId() != null) {
            summary.put("projectId", resource.projectId());
        }
        return summary;
    }
}
