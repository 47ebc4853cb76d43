package cn.linli.need;

import java.util.List;

import cn.linli.need.NeedInputs.AddNeedToAgendaInput;
import cn.linli.need.NeedInputs.CreateNeedMeetingInput;
import cn.linli.need.NeedInputs.MergeNeedsInput;
import cn.linli.need.NeedInputs.NeedFilter;
import cn.linli.need.NeedInputs.NeedIdInput;
import cn.linli.need.NeedInputs.NeedInput;
import cn.linli.need.NeedInputs.OrderFromNeedInput;
import cn.linli.need.NeedInputs.RecordAgendaResolutionInput;
import cn.linli.need.NeedInputs.ResolveNeedInput;
import cn.linli.need.NeedInputs.SetNeedTriageRuleInput;
import cn.linli.need.NeedInputs.TriageNeedInput;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.security.Viewer;
import graphql.GraphQLContext;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL queries and mutations of needs: the viewer and validated inputs go to each flow's service. */
@Controller
class NeedController {

    private final NeedQueries queries;
    private final NeedSubmissions submissions;
    private final NeedTriage triage;
    private final NeedMerges merges;
    private final NeedOrders orders;
    private final NeedAgenda agenda;
    private final NeedResolutions resolutions;

    NeedController(NeedQueries queries, NeedSubmissions submissions, NeedTriage triage, NeedMerges merges,
                   NeedOrders orders, NeedAgenda agenda, NeedResolutions resolutions) {
        this.queries = queries;
        this.submissions = submissions;
        this.triage = triage;
        this.merges = merges;
        this.orders = orders;
        this.agenda = agenda;
        this.resolutions = resolutions;
    }

    @QueryMapping
    Mono<Connection<Need>> myNeeds(@Argument @Nullable Integer first, @Argument @Nullable String after, Viewer viewer) {
        return queries.mine(viewer, first, after);
    }

    @QueryMapping
    Mono<Need> need(@Argument String id, Viewer viewer, GraphQLContext context) {
        return queries.one(viewer, id, context);
    }

    @QueryMapping
    Mono<Connection<Need>> communityNeeds(@Argument String communityId, @Argument @Nullable NeedFilter filter,
                                          @Argument @Nullable Integer first, @Argument @Nullable String after,
                                          Viewer viewer) {
        return queries.ofCommunity(viewer, communityId, filter, first, after);
    }

    @QueryMapping
    Mono<Connection<Need>> streetEscalatedNeeds(@Argument @Nullable Integer first, @Argument @Nullable String after,
                                                Viewer viewer, GraphQLContext context) {
        return queries.escalatedInStreet(viewer, first, after, context);
    }

    @QueryMapping
    Mono<Connection<NeedMeeting>> needMeetings(@Argument String communityId, @Argument @Nullable Integer first,
                                               @Argument @Nullable String after, Viewer viewer) {
        return queries.meetingsOf(viewer, communityId, first, after);
    }

    @QueryMapping
    Mono<List<TriageRule>> needTriageRules(@Argument String communityId, Viewer viewer) {
        return Mono.defer(() -> triage.rules(viewer, Ids.parse(communityId, "communityId")));
    }

    @MutationMapping
    Mono<Need> submitNeed(@Argument @Valid NeedInput input, Viewer viewer) {
        return submissions.submit(viewer, input);
    }

    @MutationMapping
    Mono<Need> recordCollectedNeed(@Argument @Valid NeedInput input, Viewer viewer) {
        return submissions.recordCollected(viewer, input);
    }

    @MutationMapping
    Mono<NeedSubmissions.Support> supportNeed(@Argument NeedIdInput input, Viewer viewer) {
        return submissions.support(viewer, input.needId());
    }

    @MutationMapping
    Mono<Need> triageNeed(@Argument @Valid TriageNeedInput input, Viewer viewer) {
        return triage.triage(viewer, input);
    }

    @MutationMapping
    Mono<List<TriageRule>> setNeedTriageRule(@Argument @Valid SetNeedTriageRuleInput input, Viewer viewer) {
        return triage.setRule(viewer, input);
    }

    @MutationMapping
    Mono<Need> mergeNeeds(@Argument MergeNeedsInput input, Viewer viewer) {
        return merges.merge(viewer, input);
    }

    @MutationMapping
    Mono<Need> orderFromNeed(@Argument @Valid OrderFromNeedInput input, Viewer viewer) {
        return orders.orderFromNeed(viewer, input);
    }

    @MutationMapping
    Mono<NeedMeeting> createNeedMeeting(@Argument @Valid CreateNeedMeetingInput input, Viewer viewer) {
        return agenda.createMeeting(viewer, input);
    }

    @MutationMapping
    Mono<Need> addNeedToAgenda(@Argument AddNeedToAgendaInput input, Viewer viewer) {
        return agenda.addToAgenda(viewer, input);
    }

    @MutationMapping
    Mono<Need> recordAgendaResolution(@Argument @Valid RecordAgendaResolutionInput input, Viewer viewer) {
        return agenda.recordResolution(viewer, input);
    }

    @MutationMapping
    Mono<Need> resolveNeed(@Argument @Valid ResolveNeedInput input, Viewer viewer) {
        return resolutions.resolve(viewer, input);
    }
}
