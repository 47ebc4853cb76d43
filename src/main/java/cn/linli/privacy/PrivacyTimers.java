package cn.linli.privacy;

import cn.linli.platform.timer.TimerHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The privacy timers: a deletion's end of cooling-off, and the daily retention run. Both run in the timer's transaction. */
@Configuration(proxyBeanMethods = false)
class PrivacyTimers {

    @Bean
    TimerHandler accountDeletionDue(AccountErasure erasure) {
        return TimerHandler.of(AccountDeletions.TIMER, erasure::perform);
    }

    @Bean
    TimerHandler retentionRun(Retention retention) {
        return TimerHandler.of(Retention.TIMER, retention::run);
    }
}
