package cn.linli.timebank;

import cn.linli.platform.timer.TimerHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The time bank's timers: earned points expire (if the community says so); vouchers remind their owner before they
 * expire, then return their points.
 */
@Configuration(proxyBeanMethods = false)
class TimeBankTimers {

    @Bean
    TimerHandler pointsExpiry(TimeBankService timeBank) {
        return TimerHandler.of(TimeBankService.POINTS_EXPIRY, timeBank::expireEarning);
    }

    @Bean
    TimerHandler voucherExpiryReminder(RewardService rewards) {
        return TimerHandler.of(RewardService.VOUCHER_EXPIRY_REMINDER, rewards::remindExpiry);
    }

    @Bean
    TimerHandler voucherExpiry(RewardService rewards) {
        return TimerHandler.of(RewardService.VOUCHER_EXPIRY, rewards::expire);
    }
}
