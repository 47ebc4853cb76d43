package cn.linli.project;

import java.util.List;

import cn.linli.platform.pagination.Connection;
import cn.linli.platform.security.Viewer;
import cn.linli.project.ProjectInputs.AddProjectMilestoneInput;
import cn.linli.project.ProjectInputs.CancelProjectInput;
import cn.linli.project.ProjectInputs.CreateProjectInput;
import cn.linli.project.ProjectInputs.LinkProjectNeedsInput;
import cn.linli.project.ProjectInputs.OfferResourceInput;
import cn.linli.project.ProjectInputs.PledgeResourceInput;
import cn.linli.project.ProjectInputs.ProjectIdInput;
import cn.linli.project.ProjectInputs.ReportMilestoneInput;
import cn.linli.project.ProjectInputs.ResourceIdInput;
import cn.linli.project.ProjectInputs.SetSupervisionRuleInput;
import cn.linli.project.ProjectInputs.SignOffProjectInput;
import cn.linli.project.ProjectInputs.SupervisionMemberInput;
import graphql.GraphQLContext;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL queries and mutations of projects, resources and the committee: viewer and validated input to each flow. */
@Controller
class ProjectController {

    private final ProjectQueries queries;
    private final ProjectPlanning planning;
    private final ProjectProgress progress;
    private final ProjectSignOffs signOffs;
    private final ResourceOffers offers;
    private final SupervisionCommittee committee;

    ProjectController(ProjectQueries queries, ProjectPlanning planning, ProjectProgress progress,
                      ProjectSignOffs signOffs, ResourceOffers offers, SupervisionCommittee committee) {
        this.queries = queries;
        this.planning = planning;
        this.progress = progress;
        this.signOffs = signOffs;
        this.offers = offers;
        this.committee = committee;
    }

    @QueryMapping
    Mono<Project> project(@Argument String id, Viewer viewer, GraphQLContext context) {
        return queries.one(viewer, id, context);
    }

    @QueryMapping
    Mono<Connection<Project>> projects(@Argument String communityId, @Argument @Nullable List<ProjectStatus> status,
                                       @Argument @Nullable Integer first, @Argument @Nullable String after,
                                       Viewer viewer, GraphQLContext context) {
        return queries.ofCommunity(viewer, communityId, status, first, after, context);
    }

    @QueryMapping
    Mono<Connection<Resource>> communityResources(@Argument String communityId, @Argument @Nullable Integer first,
                                                  @Argument @Nullable String after, Viewer viewer,
                                                  GraphQLContext context) {
        return queries.resourcesOf(viewer, communityId, first, after, context);
    }

    @QueryMapping
    Mono<Committee> supervisionCommittee(@Argument String communityId, Viewer viewer, GraphQLContext context) {
        return queries.committeeOf(viewer, communityId, context);
    }

    @MutationMapping
    Mono<Resource> offerResource(@Argument @Valid OfferResourceInput input, Viewer viewer) {
        return offers.offer(viewer, input);
    }

    @MutationMapping
    Mono<Resource> withdrawResource(@Argument ResourceIdInput input, Viewer viewer) {
        return offers.withdraw(viewer, input.resourceId());
    }

    @MutationMapping
    Mono<Project> createProject(@Argument @Valid CreateProjectInput input, Viewer viewer) {
        return planning.create(viewer, input);
    }

    @MutationMapping
    Mono<Project> linkProjectNeeds(@Argument @Valid LinkProjectNeedsInput input, Viewer viewer) {
        return planning.linkNeeds(viewer, input);
    }

    @MutationMapping
    Mono<Project> addProjectMilestone(@Argument @Valid AddProjectMilestoneInput input, Viewer viewer) {
        return planning.addMilestone(viewer, input);
    }

    @MutationMapping
    Mono<Project> pledgeResource(@Argument PledgeResourceInput input, Viewer viewer) {
        return offers.pledge(viewer, input);
    }

    @MutationMapping
    Mono<Project> startProject(@Argument ProjectIdInput input, Viewer viewer) {
        return progress.start(viewer, input.projectId());
    }

    @MutationMapping
    Mono<Project> reportProjectMilestone(@Argument @Valid ReportMilestoneInput input, Viewer viewer) {
        return progress.reportMilestone(viewer, input);
    }

    @MutationMapping
    Mono<Project> submitProjectForSignOff(@Argument ProjectIdInput input, Viewer viewer) {
        return progress.submitForSignOff(viewer, input.projectId());
    }

    @MutationMapping
    Mono<Project> signOffProject(@Argument @Valid SignOffProjectInput input, Viewer viewer) {
        return signOffs.signOff(viewer, input);
    }

    @MutationMapping
    Mono<Project> cancelProject(@Argument @Valid CancelProjectInput input, Viewer viewer) {
        return progress.cancel(viewer, input);
    }

    @MutationMapping
    Mono<Committee> appointSupervisionMember(@Argument SupervisionMemberInput input, Viewer viewer) {
        return committee.appoint(viewer, input);
    }

    @MutationMapping
    Mono<Committee> removeSupervisionMember(@Argument SupervisionMemberInput input, Viewer viewer) {
        return committee.remove(viewer, input);
    }

    @MutationMapping
    Mono<Committee> setSupervisionRule(@Argument @Valid SetSupervisionRuleInput input, Viewer viewer) {
        return committee.setRule(viewer, input);
    }
}
