package cn.linli.ballot;

import java.time.Instant;

import cn.linli.platform.timer.Timers;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What happens as a ballot opens — however it opens (staff, its timer, a completed project): who may vote is fixed,
 * its closing and reminder timers are set, households are told, and results subscribers hear of it. Joins the
 * caller's transaction.
 */
@Component
class BallotOpening {

    static final String OPEN_TIMER = "BALLOT_OPEN";
    static final String CLOSE_TIMER = "BALLOT_CLOSE";
    static final String REMIND_TIMER = "BALLOT_REMIND";

    private final BallotRepository ballots;
    private final Timers timers;
    private final BallotNotices notices;
    private final BallotEvents events;

    BallotOpening(BallotRepository ballots, Timers timers, BallotNotices notices, BallotEvents events) {
        this.ballots = ballots;
        this.timers = timers;
        this.notices = notices;
        this.events = events;
    }

    /** A published ballot opens by its timer at {@code opensAt}. */
    Mono<Void> scheduleOpening(Ballot published) {
        return timers.schedule(OPEN_TIMER, published.id(), published.opensAt());
    }

    /** Opens the ballot if it may still open (empty otherwise: a timer that came too late, a race lost). */
    Mono<Ballot> open(long ballotId) {
        return ballots.open(ballotId, BallotLifecycle.sourcesOf(BallotAction.OPEN)).flatMap(this::opened);
    }

    Mono<Ballot> opened(Ballot ballot) {
        Instant remindAt = ballot.remindAt();
        Mono<Void> remind = remindAt == null || !remindAt.isAfter(Instant.now()) ? Mono.empty()
                : timers.schedule(REMIND_TIMER, ballot.id(), remindAt);
        return ballots.snapshotEligible(ballot)
                .then(timers.schedule(CLOSE_TIMER, ballot.id(), ballot.closesAt()))
                .then(remind)
                .then(notices.opened(ballot))
                .then(events.changed(ballot.id()))
                .thenReturn(ballot);
    }
}
