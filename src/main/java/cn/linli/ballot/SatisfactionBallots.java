package cn.linli.ballot;

import java.time.Instant;

import cn.linli.platform.error.LinliException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * 一户一票问效果: the satisfaction ballot (满意 / 基本满意 / 不满意, with a comment) that opens by itself when a project
 * completes. Another feature calls {@link #openFor} inside its own transaction (joined; no retry here — the caller's
 * entry point retries). Idempotent: one satisfaction ballot per subject, a second call returns the first.
 */
@Service
public class SatisfactionBallots {

    private final BallotRepository ballots;
    private final BallotOpening opening;

    SatisfactionBallots(BallotRepository ballots, BallotOpening opening) {
        this.ballots = ballots;
        this.opening = opening;
    }

    /** Opens (now) the satisfaction ballot of this subject, or finds the one already made; its id. */
    @Transactional
    public Mono<Long> openFor(long communityId, BallotSubjectKind subjectKind, long subjectId, String title,
                              Instant closesAt) {
        return Mono.defer(() -> {
            Instant now = Instant.now();
            if (!closesAt.isAfter(now)) {
                return Mono.error(LinliException.invalid("closesAt", "截止时间须晚于现在"));
            }
            BallotRepository.Draft draft = new BallotRepository.Draft(communityId, BallotKind.SATISFACTION,
                    PickMode.SINGLE, 1, title.length() > 100 ? title.substring(0, 100) : title, null, subjectKind,
                    subjectId, now, closesAt, 24, null, null, null);
            return ballots.insertSatisfaction(draft)
                    .flatMap(made -> ballots.replaceOptions(made.id(), FixedOptions.SATISFACTION)
                            .then(opening.open(made.id())))
                    .map(Ballot::id)
                    .switchIfEmpty(Mono.defer(() -> ballots.satisfactionOf(subjectKind, subjectId).map(Ballot::id)));
        });
    }
}
