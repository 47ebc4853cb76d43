package cn.linli.ballot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.linli.ballot.BallotTally.Results;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.security.Viewer;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Aggregated results: per-option counts, turnout overall and per estate, and the pass verdict — never a household's
 * vote. Three statements per computation however many votes. Live: subscribers of one ballot on an instance share one
 * recomputation per change (the festival progress pattern).
 */
@Service
class BallotResults {

    private final BallotRepository ballots;
    private final VoteRepository votes;
    private final BallotPolicy policy;
    private final BallotEvents events;
    /** Per ballot with subscribers on this instance: its results after each change, shared by them. */
    private final Map<Long, Flux<Results>> live = new ConcurrentHashMap<>();

    BallotResults(BallotRepository ballots, VoteRepository votes, BallotPolicy policy, BallotEvents events) {
        this.ballots = ballots;
        this.votes = votes;
        this.policy = policy;
        this.events = events;
    }

    Mono<Results> results(Ballot ballot) {
        return Mono.zip(ballots.options(List.of(ballot.id())).collectList(), votes.picks(ballot.id()),
                        votes.turnout(ballot.id()).collectList())
                .map(parts -> BallotTally.tally(ballot, parts.getT1(), parts.getT2(), parts.getT3()));
    }

    Mono<Results> results(Viewer viewer, String ballotId) {
        return readable(viewer, ballotId).flatMap(this::results);
    }

    /**
     * Results now, then after every change from any instance. The shared changes are heard from before the first value
     * is read and queued behind it, so nothing committed meanwhile is lost; a slow reader keeps only the newest value.
     */
    Flux<Results> updates(Viewer viewer, String ballotId) {
        return readable(viewer, ballotId)
                .flatMapMany(ballot -> Flux.mergeSequential(results(ballot), changesOf(ballot.id()).onBackpressureLatest()));
    }

    private Mono<Ballot> readable(Viewer viewer, String ballotId) {
        return Mono.defer(() -> ballots.find(Ids.parse(ballotId, "ballotId")))
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("投票")))
                .flatMap(ballot -> policy.readable(viewer, ballot));
    }

    /** One flux per ballot with subscribers here: each change recomputed once and handed to those listening then. */
    private Flux<Results> changesOf(long ballotId) {
        return live.computeIfAbsent(ballotId, id -> events.changes()
                .filter(change -> change.ballotId() == id)
                .onBackpressureLatest()
                // re-read the ballot: the change may be its closing
                .concatMap(change -> ballots.find(id).flatMap(this::results), 0)
                .publish()
                .refCount());
    }
}
