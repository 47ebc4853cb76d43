package cn.linli.order;

import cn.linli.platform.timer.TimerHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order timers: accept deadlines, the auto-confirm reminder and auto-confirmation. */
@Configuration(proxyBeanMethods = false)
class OrderTimers {

    @Bean
    TimerHandler orderAcceptDeadline(OrderTimerFlows orders) {
        return TimerHandler.of(Dispatcher.ACCEPT_DEADLINE, orders::expireAcceptDeadline);
    }

    @Bean
    TimerHandler orderAutoConfirm(OrderTimerFlows orders) {
        return TimerHandler.of(OrderTransitions.AUTO_CONFIRM, orders::autoConfirm);
    }

    @Bean
    TimerHandler orderAutoConfirmReminder(OrderTimerFlows orders) {
        return TimerHandler.of(OrderTransitions.AUTO_CONFIRM_REMINDER, orders::remindAutoConfirm);
    }
}
