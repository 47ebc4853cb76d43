package cn.linli.project;

import java.util.List;
import java.util.Map;

import cn.linli.community.Community;
import cn.linli.community.CommunityService;
import cn.linli.photo.PhotoService;
import cn.linli.platform.graphql.Batches;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Fields of projects, milestones, resources and the committee, batched per level. */
@Controller
class ProjectFieldsController {

    private final ProjectQueries queries;
    private final CommunityService communities;
    private final PhotoService photos;

    ProjectFieldsController(ProjectQueries queries, CommunityService communities, PhotoService photos) {
        this.queries = queries;
        this.communities = communities;
        this.photos = photos;
    }

    @BatchMapping(typeName = "Project", field = "community")
    Mono<Map<Project, Community>> community(List<Project> projects) {
        return Batches.one(projects, Project::communityId, communities::communitiesByIds);
    }

    @BatchMapping(typeName = "Project", field = "milestones")
    Mono<Map<Project, List<Milestone>>> milestones(List<Project> projects) {
        return Batches.many(projects, Project::id, queries::milestones);
    }

    @BatchMapping(typeName = "Project", field = "needs")
    Mono<Map<Project, List<LinkedNeed>>> needs(List<Project> projects) {
        return Batches.many(projects, Project::id, queries::linkedNeeds);
    }

    @BatchMapping(typeName = "Project", field = "resources")
    Mono<Map<Project, List<Resource>>> resources(List<Project> projects) {
        return Batches.many(projects, Project::id, queries::resources);
    }

    @BatchMapping(typeName = "Project", field = "signOffs")
    Mono<Map<Project, List<SignOff>>> signOffs(List<Project> projects) {
        return Batches.many(projects, Project::id, queries::signOffs);
    }

    @SchemaMapping(typeName = "Project", field = "statusName")
    String statusName(Project project) {
        return project.status().displayName();
    }

    @SchemaMapping(typeName = "Project", field = "satisfactionBallotId")
    @Nullable Long satisfactionBallotId(Project project) {
        return project.ballotId();
    }

    /** Signed links, for whoever was allowed to load the project. */
    @SchemaMapping(typeName = "ProjectMilestone", field = "photoUrls")
    List<String> photoUrls(Milestone milestone, GraphQLContext context) {
        return photos.urls(milestone.photoIds(), context);
    }

    @SchemaMapping(typeName = "ProjectMilestone", field = "done")
    boolean done(Milestone milestone) {
        return milestone.done();
    }

    @SchemaMapping(typeName = "ProjectResource", field = "kindName")
    String kindName(Resource resource) {
        return resource.kind().displayName();
    }

    @SchemaMapping(typeName = "ProjectResource", field = "statusName")
    String resourceStatusName(Resource resource) {
        return resource.status().displayName();
    }

    @SchemaMapping(typeName = "SupervisionCommittee", field = "minSignOffs")
    int minSignOffs(Committee committee) {
        return committee.rule().minSignOffs();
    }

    @SchemaMapping(typeName = "SupervisionCommittee", field = "majority")
    boolean majority(Committee committee) {
        return committee.rule().majority();
    }

    @SchemaMapping(typeName = "SupervisionCommittee", field = "requiredSignOffs")
    int requiredSignOffs(Committee committee) {
        return committee.requiredSignOffs();
    }
}
