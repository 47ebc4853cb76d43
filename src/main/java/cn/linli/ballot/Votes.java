package cn.linli.ballot;

import java.time.Instant;
import java.util.List;

import cn.linli.ballot.BallotInputs.CastBallotVoteInput;
import cn.linli.ballot.VoteRepository.HouseholdVote;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.idempotency.IdempotencyKeys;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * A member casts (or changes) their household's vote. The ballot row is read under a share lock, so a closing waits
 * for the votes in flight and no vote lands after it; the vote is one row per (ballot, household), replaced in place.
 * With an idempotency key, a replay gets the household's vote back without casting again; the same key with another
 * body is IDEMPOTENCY_KEY_REUSED.
 */
@Service
class Votes {

    private final BallotRepository ballots;
    private final VoteRepository votes;
    private final BallotEvents events;

    Votes(BallotRepository ballots, VoteRepository votes, BallotEvents events) {
        this.ballots = ballots;
        this.votes = votes;
        this.events = events;
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<HouseholdVote> cast(Viewer viewer, CastBallotVoteInput input) {
        return Mono.defer(() -> castChecked(viewer, input));
    }

    private Mono<HouseholdVote> castChecked(Viewer viewer, CastBallotVoteInput input) {
        long ballotId = Ids.parse(input.ballotId(), "input.ballotId");
        @Nullable Long requested = Ids.parseOptional(input.householdId(), "input.householdId");
        List<Long> picks = input.optionIdList();
        @Nullable String key = input.idempotencyKey() == null ? null : IdempotencyKeys.scoped(viewer, input.idempotencyKey());
        String hash = IdempotencyKeys.sha256(ballotId + "|" + requested + "|" + picks + "|" + input.comment());
        return ballots.findShared(ballotId)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("投票")))
                .flatMap(ballot -> key == null ? vote(viewer, ballot, requested, picks, input.comment(), null, hash)
                        : votes.request(key).flatMap(stored -> replay(stored, hash))
                        .switchIfEmpty(Mono.defer(() -> vote(viewer, ballot, requested, picks, input.comment(), key, hash))));
    }

    private Mono<HouseholdVote> vote(Viewer viewer, Ballot ballot, @Nullable Long requested, List<Long> picks,
                                     @Nullable String comment, @Nullable String key, String hash) {
        requireTakingVotes(ballot, Instant.now());
        return votes.memberships(viewer.accountId(), ballot.id()).collectList()
                .map(memberships -> BallotPolicy.voterHousehold(memberships, ballot, requested))
                .flatMap(household -> ballots.options(List.of(ballot.id())).collectList().flatMap(options -> {
                    VoteRules.check(ballot, options, picks);
                    Mono<Boolean> first = key == null ? Mono.just(true) : votes.recordRequest(key, ballot.id(), household, hash);
                    return first.flatMap(isFirst -> isFirst ? counted(viewer, ballot, household, picks, comment)
                            : votes.request(key).flatMap(stored -> replay(stored, hash)));
                }));
    }

    private Mono<HouseholdVote> counted(Viewer viewer, Ballot ballot, long household, List<Long> picks,
                                        @Nullable String comment) {
        return votes.upsert(ballot.id(), household, picks, comment, viewer.accountId())
                .flatMap(vote -> events.changed(ballot.id()).thenReturn(vote));
    }

    /** A key seen before: the household's vote as it stands, if the request is the same one. */
    private Mono<HouseholdVote> replay(VoteRepository.StoredRequest stored, String hash) {
        return IdempotencyKeys.ifSameRequest(stored.requestHash(), hash,
                () -> votes.votesOf(stored.ballotId(), List.of(stored.householdId())).next());
    }

    /** BALLOT_NOT_OPEN before it opens, BALLOT_CLOSED once closed, cancelled or past its closing time. */
    static void requireTakingVotes(Ballot ballot, Instant now) {
        if (ballot.takesVotes(now)) {
            return;
        }
        boolean notYet = ballot.status() == BallotStatus.DRAFT || ballot.status() == BallotStatus.SCHEDULED;
        throw BallotPolicy.refused(notYet ? ErrorCode.BALLOT_NOT_OPEN : ErrorCode.BALLOT_CLOSED);
    }
}
