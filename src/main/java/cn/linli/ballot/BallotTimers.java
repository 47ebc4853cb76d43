package cn.linli.ballot;

import cn.linli.platform.timer.TimerHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * The ballot timers: opening at {@code opensAt}, closing at {@code closesAt}, and the reminder some hours before.
 * Each runs inside the timer's transaction (fires once across instances, survives restarts) and changes the ballot
 * with a conditional update, so a timer for a ballot staff already opened, closed or cancelled does nothing.
 */
@Configuration(proxyBeanMethods = false)
class BallotTimers {

    @Bean
    TimerHandler ballotOpenTimer(Due due) {
        return TimerHandler.of(BallotOpening.OPEN_TIMER, due::open);
    }

    @Bean
    TimerHandler ballotCloseTimer(Due due) {
        return TimerHandler.of(BallotOpening.CLOSE_TIMER, due::close);
    }

    @Bean
    TimerHandler ballotRemindTimer(Due due) {
        return TimerHandler.of(BallotOpening.REMIND_TIMER, due::remind);
    }

    /** The handlers' work; joins the timer's transaction. */
    @Component
    static class Due {

        private final BallotRepository ballots;
        private final BallotOpening opening;
        private final BallotNotices notices;
        private final BallotEvents events;

        Due(BallotRepository ballots, BallotOpening opening, BallotNotices notices, BallotEvents events) {
            this.ballots = ballots;
            this.opening = opening;
            this.notices = notices;
            this.events = events;
        }

        @Transactional
        public Mono<Void> open(long ballotId) {
            return ballots.find(ballotId)
                    .filter(b -> b.status() == BallotStatus.SCHEDULED
                            && BallotLifecycle.allows(BallotAction.OPEN, b.status(), BallotActor.TIMER))
                    .flatMap(b -> opening.open(ballotId))
                    .then();
        }

        @Transactional
        public Mono<Void> close(long ballotId) {
            return ballots.find(ballotId)
                    // closesAt cannot change once open, so the timer set at opening is due exactly then
                    .filter(b -> BallotLifecycle.allows(BallotAction.CLOSE, b.status(), BallotActor.TIMER))
                    .flatMap(b -> ballots.close(ballotId, BallotLifecycle.sourcesOf(BallotAction.CLOSE)))
                    .flatMap(closed -> events.changed(closed.id()))
                    .then();
        }

        @Transactional
        public Mono<Void> remind(long ballotId) {
            return ballots.markReminded(ballotId).flatMap(notices::reminder);
        }
    }
}
