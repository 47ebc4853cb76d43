package cn.linli.festival;

import cn.linli.platform.timer.TimerHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The festival timers: the campaign deadline (settles it as funded or failed), refunds of a failed campaign's pledges
 * and their confirmation, and the check of pledges whose payment notification may have been lost. The deadline runs
 * inside the timer's transaction; the three that call WeChat Pay are leased, so no transaction or lock is held while
 * WeChat Pay answers (they record its answer in transactions of their own, conditionally, so a repeat is harmless).
 */
@Configuration(proxyBeanMethods = false)
class FestivalTimers {

    static final String CAMPAIGN_DEADLINE = "CAMPAIGN_DEADLINE";
    static final String PLEDGE_REFUND = "PLEDGE_REFUND";
    static final String PLEDGE_REFUND_CHECK = "PLEDGE_REFUND_CHECK";
    static final String PLEDGE_PAYMENT_CHECK = "PLEDGE_PAYMENT_CHECK";

    @Bean
    TimerHandler campaignDeadline(CampaignSettlement settlement) {
        return TimerHandler.of(CAMPAIGN_DEADLINE, settlement::settle);
    }

    @Bean
    TimerHandler pledgeRefund(Refunds refunds) {
        return TimerHandler.leased(PLEDGE_REFUND, refunds::requestRefund);
    }

    @Bean
    TimerHandler pledgePaymentCheck(PaymentService payments) {
        return TimerHandler.leased(PLEDGE_PAYMENT_CHECK, payments::checkPayment);
    }

    @Bean
    TimerHandler pledgeRefundCheck(Refunds refunds) {
        return TimerHandler.leased(PLEDGE_REFUND_CHECK, refunds::checkRefund);
    }
}
