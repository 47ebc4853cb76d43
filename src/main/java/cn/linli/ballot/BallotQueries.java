package cn.linli.ballot;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.linli.ballot.VoteRepository.HouseholdVote;
import cn.linli.ballot.VoteRepository.EligiblePair;
import cn.linli.ballot.VoteRepository.Joined;
import cn.linli.community.CommunityService;
import cn.linli.community.Household;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reading ballots: a community's list, one ballot, its options, and the viewer's own households' vote status. */
@Service
class BallotQueries {

    /** One of the viewer's households in the ballot's community: may it vote, has it, and its current choice. */
    record MyHouseholdBallot(long householdId, String householdLabel, boolean canVote, boolean voted,
                             @Nullable HouseholdVote vote) {
    }

    private final BallotRepository ballots;
    private final VoteRepository votes;
    private final BallotPolicy policy;
    private final CommunityService communities;

    BallotQueries(BallotRepository ballots, VoteRepository votes, BallotPolicy policy, CommunityService communities) {
        this.ballots = ballots;
        this.votes = votes;
        this.policy = policy;
        this.communities = communities;
    }

    /** Newest first; residents see every ballot but drafts, staff see drafts too. */
    Mono<Connection<Ballot>> ballots(Viewer viewer, String communityId, @Nullable List<BallotStatus> statuses,
                                     @Nullable Integer first, @Nullable String after) {
        long community = Ids.parse(communityId, "communityId");
        PageRequest page = PageRequest.of(first, after);
        return policy.isStaff(viewer, community).flatMap(staff -> {
            Set<BallotStatus> wanted = statuses == null || statuses.isEmpty() ? EnumSet.allOf(BallotStatus.class)
                    : EnumSet.copyOf(statuses);
            if (!staff) {
                wanted.remove(BallotStatus.DRAFT);
            }
            Mono<Boolean> may = staff ? Mono.just(true) : policy.residentOf(viewer, community);
            return may.flatMap(ok -> ok ? ballots.page(community, wanted, page).collectList()
                    : Mono.<List<Ballot>>error(LinliException.forbidden()));
        }).map(rows -> Connection.of(rows, page, Ballot::position));
    }

    Mono<Ballot> ballot(Viewer viewer, String id) {
        return Mono.defer(() -> ballots.find(Ids.parse(id, "id")))
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("投票")))
                .flatMap(ballot -> policy.readable(viewer, ballot));
    }

    Mono<Map<Long, List<BallotOption>>> options(Collection<Long> ballotIds) {
        return ballots.options(ballotIds).collect(Collectors.groupingBy(BallotOption::ballotId));
    }

    /**
     * For each ballot, the viewer's households in its community: may each vote, has it, and its own current choice —
     * never anyone else's. Four statements for a whole page of ballots.
     */
    Mono<Map<Ballot, List<MyHouseholdBallot>>> myHouseholds(Viewer viewer, List<Ballot> ballots) {
        return votes.joined(viewer.accountId()).collectList().flatMap(joined -> {
            if (joined.isEmpty()) {
                return Mono.just(ballots.stream().collect(Collectors.toMap(b -> b, b -> List.<MyHouseholdBallot>of(),
                        (a, b) -> a, java.util.LinkedHashMap::new)));
            }
            List<Long> ballotIds = ballots.stream().map(Ballot::id).toList();
            List<Long> householdIds = joined.stream().map(Joined::householdId).toList();
            return Mono.zip(votes.eligibleAmong(ballotIds, householdIds).collectList(),
                            votes.votesAmong(ballotIds, householdIds).collectList(),
                            communities.householdsByIds(householdIds))
                    .map(found -> assemble(ballots, joined, Set.copyOf(found.getT1()), found.getT2(), found.getT3()));
        });
    }

    private static Map<Ballot, List<MyHouseholdBallot>> assemble(List<Ballot> ballots, List<Joined> joined,
                                                                 Set<EligiblePair> eligible, List<HouseholdVote> cast,
                                                                 Map<Long, Household> households) {
        Map<Ballot, List<MyHouseholdBallot>> result = new java.util.LinkedHashMap<>();
        for (Ballot ballot : ballots) {
            Instant openedAt = ballot.openedAt();
            result.put(ballot, joined.stream().filter(m -> m.communityId() == ballot.communityId()).map(m -> {
                HouseholdVote vote = cast.stream()
                        .filter(v -> v.ballotId() == ballot.id() && v.householdId() == m.householdId())
                        .findFirst().orElse(null);
                Household household = households.get(m.householdId());
                boolean canVote = openedAt != null && m.joinedAt().isBefore(openedAt)
                        && eligible.contains(new EligiblePair(ballot.id(), m.householdId()));
                return new MyHouseholdBallot(m.householdId(), household == null ? "" : household.label(), canVote,
                        vote != null, vote);
            }).toList());
        }
        return result;
    }
}
