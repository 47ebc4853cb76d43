package cn.linli.ballot;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.linli.ballot.BallotInputs.BallotIdInput;
import cn.linli.ballot.BallotInputs.CastBallotVoteInput;
import cn.linli.ballot.BallotInputs.CreateBallotInput;
import cn.linli.ballot.BallotInputs.UpdateBallotInput;
import cn.linli.ballot.BallotQueries.MyHouseholdBallot;
import cn.linli.ballot.BallotTally.Results;
import cn.linli.ballot.VoteRepository.HouseholdVote;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.security.Viewer;
import cn.linli.platform.security.Viewers;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** GraphQL mappings of household ballots: the viewer and validated inputs go to each flow's service. */
@Controller
class BallotController {

    private final BallotDrafts drafts;
    private final BallotTransitions transitions;
    private final Votes votes;
    private final BallotQueries queries;
    private final BallotResults results;
    private final BallotRules rules;

    BallotController(BallotDrafts drafts, BallotTransitions transitions, Votes votes, BallotQueries queries,
                     BallotResults results, BallotRules rules) {
        this.rules = rules;
        this.drafts = drafts;
        this.transitions = transitions;
        this.votes = votes;
        this.queries = queries;
        this.results = results;
    }

    @QueryMapping
    Mono<Connection<Ballot>> ballots(@Argument String communityId, @Argument @Nullable List<BallotStatus> status,
                                     @Argument @Nullable Integer first, @Argument @Nullable String after, Viewer viewer) {
        return queries.ballots(viewer, communityId, status, first, after);
    }

    @QueryMapping
    Mono<Ballot> ballot(@Argument String id, Viewer viewer) {
        return queries.ballot(viewer, id);
    }

    @QueryMapping
    Mono<Results> ballotResults(@Argument String ballotId, Viewer viewer) {
        return results.results(viewer, ballotId);
    }

    @SubscriptionMapping(name = "ballotResults")
    Flux<Results> ballotResultsUpdates(@Argument String ballotId, Viewer viewer) {
        return results.updates(viewer, ballotId);
    }

    @QueryMapping
    Mono<BallotRepository.Rule> ballotRule(@Argument String communityId, Viewer viewer) {
        return rules.rule(viewer, communityId);
    }

    @MutationMapping
    Mono<BallotRepository.Rule> setBallotRule(@Argument @Valid BallotRules.SetBallotRuleInput input, Viewer viewer) {
        return rules.set(viewer, input);
    }

    @MutationMapping
    Mono<Ballot> createBallot(@Argument @Valid CreateBallotInput input, Viewer viewer) {
        return drafts.create(viewer, input);
    }

    @MutationMapping
    Mono<Ballot> updateBallot(@Argument @Valid UpdateBallotInput input, Viewer viewer) {
        return drafts.update(viewer, input);
    }

    @MutationMapping
    Mono<Ballot> openBallot(@Argument BallotIdInput input, Viewer viewer) {
        return transitions.open(viewer, input.ballotId());
    }

    @MutationMapping
    Mono<Ballot> closeBallot(@Argument BallotIdInput input, Viewer viewer) {
        return transitions.close(viewer, input.ballotId());
    }

    @MutationMapping
    Mono<Ballot> cancelBallot(@Argument BallotIdInput input, Viewer viewer) {
        return transitions.cancel(viewer, input.ballotId());
    }

    @MutationMapping
    Mono<HouseholdVote> castBallotVote(@Argument @Valid CastBallotVoteInput input, Viewer viewer) {
        return votes.cast(viewer, input);
    }

    @BatchMapping(typeName = "Ballot")
    Mono<Map<Ballot, List<BallotOption>>> options(List<Ballot> ballots) {
        return queries.options(ballots.stream().map(Ballot::id).toList())
                .map(found -> ballots.stream().collect(java.util.stream.Collectors.toMap(b -> b,
                        b -> found.getOrDefault(b.id(), List.of()), (a, b) -> a, java.util.LinkedHashMap::new)));
    }

    @BatchMapping(typeName = "Ballot")
    Mono<Map<Ballot, List<MyHouseholdBallot>>> myHouseholds(List<Ballot> ballots) {
        // batch loaders get no custom argument resolvers: the viewer is read here, at the boundary, once per batch
        return Viewers.current().flatMap(viewer -> queries.myHouseholds(viewer, ballots));
    }

    @SchemaMapping(typeName = "Ballot")
    Mono<Results> results(Ballot ballot) {
        return results.results(ballot);
    }

    @SchemaMapping(typeName = "HouseholdBallotVote")
    List<Long> optionIds(HouseholdVote vote) {
        return Arrays.asList(vote.choices());
    }
}
