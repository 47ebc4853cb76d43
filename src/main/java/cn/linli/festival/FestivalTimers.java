package cn.linli.festival;

import cn.linli.platform.timer.TimerHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The festival timers: the campaign deadline (settles it as funded or failed), refunds of a failed campaign's pledges
 * and their confirmation, and the check of pledges whose payment notification may have been lost.
 */
@Configuration(proxyBeanMethods = false)
class FestivalTimers {

    @Bean
    TimerHandler campaignDeadline(FestivalService festivals) {
        return TimerHandler.of(FestivalService.CAMPAIGN_DEADLINE, festivals::settle);
    }

    @Bean
    TimerHandler pledgeRefund(FestivalService festivals) {
        return TimerHandler.of(FestivalService.PLEDGE_REFUND, festivals::requestRefund);
    }

    @Bean
    TimerHandler pledgePaymentCheck(FestivalService festivals) {
        return TimerHandler.of(FestivalService.PLEDGE_PAYMENT_CHECK, festivals::checkPayment);
    }

    @Bean
    TimerHandler pledgeRefundCheck(FestivalService festivals) {
        return TimerHandler.of(FestivalService.PLEDGE_REFUND_CHECK, festivals::checkRefund);
    }
}
