package cn.linli.project;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.linli.need.ProjectNeeds;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewer;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reads of projects, resources and the committee, each checked by {@link ProjectPolicy}; lists are keyset pages. */
@Service
class ProjectQueries {

    private final ProjectRepository projects;
    private final MilestoneRepository milestones;
    private final ResourceRepository resources;
    private final SupervisionCommittee committee;
    private final ProjectPolicy policy;
    private final ProjectNeeds needs;

    ProjectQueries(ProjectRepository projects, MilestoneRepository milestones, ResourceRepository resources,
                   SupervisionCommittee committee, ProjectPolicy policy, ProjectNeeds needs) {
        this.projects = projects;
        this.milestones = milestones;
        this.resources = resources;
        this.committee = committee;
        this.policy = policy;
        this.needs = needs;
    }

    /** NOT_FOUND when there is no such project; FORBIDDEN unless the viewer is a resident or staff of its community. */
    Mono<Project> one(Viewer viewer, String id, GraphQLContext context) {
        return Mono.defer(() -> projects.find(Ids.parse(id, "id")))
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("项目")))
                .flatMap(project -> policy.scope(viewer, context).map(scope -> {
                    scope.requireReader(project.communityId());
                    return project;
                }));
    }

    Mono<Connection<Project>> ofCommunity(Viewer viewer, String communityId, @Nullable List<ProjectStatus> status,
                                          @Nullable Integer first, @Nullable String after, GraphQLContext context) {
        return Mono.defer(() -> {
            long community = Ids.parse(communityId, "communityId");
            PageRequest page = PageRequest.of(first, after);
            var statuses = status == null || status.isEmpty() ? null : EnumSet.copyOf(status);
            return policy.scope(viewer, context)
                    .doOnNext(scope -> scope.requireReader(community))
                    .then(projects.ofCommunity(community, statuses, page).collectList())
                    .map(rows -> Connection.of(rows, page, Project::position));
        });
    }

    Mono<Connection<Resource>> resourcesOf(Viewer viewer, String communityId, @Nullable Integer first,
                                           @Nullable String after, GraphQLContext context) {
        return Mono.defer(() -> {
            long community = Ids.parse(communityId, "communityId");
            PageRequest page = PageRequest.of(first, after);
            return policy.scope(viewer, context)
                    .flatMap(scope -> resources.ofCommunity(community, scope.resources(community), page).collectList())
                    .map(rows -> Connection.of(rows, page, Resource::position));
        });
    }

    Mono<Committee> committeeOf(Viewer viewer, String communityId, GraphQLContext context) {
        return Mono.defer(() -> {
            long community = Ids.parse(communityId, "communityId");
            return policy.scope(viewer, context)
                    .doOnNext(scope -> scope.requireReader(community))
                    .then(committee.of(community));
        });
    }

    Mono<Map<Long, List<Milestone>>> milestones(Collection<Long> projectIds) {
        return milestones.ofProjects(projectIds).collect(Collectors.groupingBy(Milestone::projectId));
    }

    Mono<Map<Long, List<Resource>>> resources(Collection<Long> projectIds) {
        return resources.ofProjects(projectIds)
                .filter(resource -> resource.status() != ResourceStatus.WITHDRAWN)
                .collect(Collectors.groupingBy(r -> r.projectId() == null ? 0L : r.projectId()));
    }

    Mono<Map<Long, List<SignOff>>> signOffs(Collection<Long> projectIds) {
        return projects.signOffs(projectIds).collect(Collectors.groupingBy(SignOff::projectId));
    }

    /** The needs of each project, as the community sees them. */
    Mono<Map<Long, List<LinkedNeed>>> linkedNeeds(Collection<Long> projectIds) {
        return projects.needLinks(projectIds).collectList()
                .flatMap(links -> needs.byIds(links.stream().map(ProjectRepository.NeedLink::needId).toList())
                        .map(byId -> links.stream().filter(link -> byId.containsKey(link.needId()))
                                .collect(Collectors.groupingBy(ProjectRepository.NeedLink::projectId,
                                        Collectors.mapping(link -> LinkedNeed.of(byId.get(link.needId())),
                                                Collectors.toList())))));
    }
}
