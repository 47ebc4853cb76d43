package cn.linli.need;

import cn.linli.platform.timer.TimerHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * 街道呼叫: a need that escalates (a 急事, or any need triaged 紧急) and is still held by the community when its due date
 * passes goes to the street's staff, by the durable timer triage scheduled. The timer fires once across instances
 * and after a restart; the conditional update decides anything else (a re-triage's second timer, a resolved need),
 * so the need escalates and the street hears of it exactly once.
 */
@Service
class NeedEscalation {

    private final NeedRepository needs;
    private final NeedMoves moves;
    private final NeedNotices notices;

    NeedEscalation(NeedRepository needs, NeedMoves moves, NeedNotices notices) {
        this.needs = needs;
        this.moves = moves;
        this.notices = notices;
    }

    /** Inside the timer's transaction. */
    @Transactional
    public Mono<Void> escalateIfDue(long needId) {
        return needs.find(needId)
                .flatMap(before -> needs.escalateIfDue(needId, NeedLifecycle.sourcesOf(NeedAction.ESCALATE),
                                NeedLifecycle.targetOf(NeedAction.ESCALATE, before.status()))
                        .flatMap(after -> moves.recorded(before, after, NeedAction.ESCALATE, NeedMoves.By.system(),
                                "逾期未办结，已上报街道"))
                        .flatMap(notices::escalated))
                .then();
    }

    @Configuration(proxyBeanMethods = false)
    static class Timer {
        @Bean
        TimerHandler needEscalationTimer(NeedEscalation escalation) {
            return TimerHandler.of(NeedTriage.ESCALATION, escalation::escalateIfDue);
        }
    }
}
