package cn.linli.order;

import cn.linli.platform.timer.TimerHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/** The order timers: accept deadlines and auto-confirmation. */
@Configuration(proxyBeanMethods = false)
class OrderTimers {

    @Bean
    TimerHandler orderAcceptDeadline(OrderService orders) {
        return handler(Dispatcher.ACCEPT_DEADLINE, orders::expireAcceptDeadline);
    }

    @Bean
    TimerHandler orderAutoConfirm(OrderService orders) {
        return handler(OrderService.AUTO_CONFIRM, orders::autoConfirm);
    }

    @Bean
    TimerHandler orderAutoConfirmReminder(OrderService orders) {
        return handler(OrderService.AUTO_CONFIRM_REMINDER, orders::remindAutoConfirm);
    }

    private static TimerHandler handler(String kind, java.util.function.LongFunction<Mono<Void>> fire) {
        return new TimerHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Mono<Void> fire(long subjectId) {
                return fire.apply(subjectId);
            }
        };
    }
}
