package cn.linli.festival;

import cn.linli.platform.timer.TimerHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/** The campaign deadline: settles the campaign as funded or failed, once, on whichever instance claims it. */
@Configuration(proxyBeanMethods = false)
class FestivalTimers {

    @Bean
    TimerHandler campaignDeadline(FestivalService festivals) {
        return new TimerHandler() {
            @Override
            public String kind() {
                return FestivalService.CAMPAIGN_DEADLINE;
            }

            @Override
            public Mono<Void> fire(long campaignId) {
                return festivals.settle(campaignId);
            }
        };
    }

    @Bean
    TimerHandler pledgeRefund(FestivalService festivals) {
        return handler(FestivalService.PLEDGE_REFUND, festivals::requestRefund);
    }

    @Bean
    TimerHandler pledgePaymentCheck(FestivalService festivals) {
        return handler(FestivalService.PLEDGE_PAYMENT_CHECK, festivals::checkPayment);
    }

    @Bean
    TimerHandler pledgeRefundCheck(FestivalService festivals) {
        return handler(FestivalService.PLEDGE_REFUND_CHECK, festivals::checkRefund);
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
