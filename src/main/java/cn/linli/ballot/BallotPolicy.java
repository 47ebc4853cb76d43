package cn.linli.ballot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.linli.ballot.VoteRepository.Membership;
import cn.linli.community.CommunityService;
import cn.linli.community.Household;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may see and do what with ballots, in one place. Staff of the ballot's community (and administrators) manage
 * ballots and see drafts; members of a household of the community see its published ballots and aggregated results;
 * anyone else gets FORBIDDEN. Voting: see {@link #voterHousehold}. No one — staff included — is ever shown another
 * household's vote: there is no rule here that would allow it, because no API reads one.
 */
@Component
class BallotPolicy {

    private final CommunityService communities;

    BallotPolicy(CommunityService communities) {
        this.communities = communities;
    }

    Mono<Void> requireStaff(Viewer viewer, long communityId) {
        return communities.requireStaffOf(viewer, communityId);
    }

    Mono<Boolean> isStaff(Viewer viewer, long communityId) {
        return communities.requireStaffOf(viewer, communityId).thenReturn(true)
                .onErrorResume(ex -> ex instanceof LinliException linli && linli.code() == ErrorCode.FORBIDDEN,
                        ex -> Mono.just(false));
    }

    /** Staff see everything of their community; residents of it see it unless it is a draft. */
    Mono<Ballot> readable(Viewer viewer, Ballot ballot) {
        return mayRead(viewer, ballot.communityId(), ballot.status() == BallotStatus.DRAFT)
                .flatMap(may -> may ? Mono.just(ballot) : Mono.error(LinliException.forbidden()));
    }

    /** Whether the viewer sees the community's ballots; {@code staffOnly} for drafts. */
    Mono<Boolean> mayRead(Viewer viewer, long communityId, boolean staffOnly) {
        return isStaff(viewer, communityId).flatMap(staff -> staff || staffOnly ? Mono.just(staff)
                : residentOf(viewer, communityId));
    }

    Mono<Boolean> residentOf(Viewer viewer, long communityId) {
        return communities.householdsOfAccounts(List.of(viewer.accountId()))
                .map(found -> found.getOrDefault(viewer.accountId(), List.of()).stream()
                        .map(Household::communityId).anyMatch(id -> id == communityId));
    }

    /**
     * The household the viewer votes for, or the refusal: NOT_ELIGIBLE_TO_VOTE when they are a member of no household
     * (or not of the one named); BALLOT_OTHER_COMMUNITY when their households are all in other communities;
     * VERIFIED_AFTER_BALLOT_OPENED when they became a member only after the opening (or their household had no
     * member verified before it); VALIDATION_FAILED when they belong to several eligible households and named none.
     */
    static long voterHousehold(List<Membership> memberships, Ballot ballot, @Nullable Long requested) {
        List<Membership> mine = requested == null ? memberships
                : memberships.stream().filter(m -> m.householdId() == requested).toList();
        if (mine.isEmpty()) {
            throw refused(ErrorCode.NOT_ELIGIBLE_TO_VOTE);
        }
        List<Membership> here = mine.stream().filter(m -> m.communityId() == ballot.communityId()).toList();
        if (here.isEmpty()) {
            throw refused(ErrorCode.BALLOT_OTHER_COMMUNITY);
        }
        Instant openedAt = ballot.openedAt() == null ? Instant.MAX : ballot.openedAt();
        List<Membership> eligible = here.stream().filter(m -> m.eligible() && m.joinedAt().isBefore(openedAt)).toList();
        if (eligible.isEmpty()) {
            throw refused(ErrorCode.VERIFIED_AFTER_BALLOT_OPENED);
        }
        if (eligible.size() > 1) {
            throw LinliException.invalid("input.householdId", "你是多户的成员，请选择代表哪一户投票");
        }
        return eligible.get(0).householdId();
    }

    static LinliException refused(ErrorCode code) {
        return new LinliException(code, code.defaultMessage(), Map.of(), null);
    }
}
