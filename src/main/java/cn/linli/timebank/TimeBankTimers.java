package cn.linli.timebank;

import cn.linli.platform.timer.TimerHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The time bank's timers: earned points expire (if the community says so); vouchers remind their owner before they
 * expire, then return their points. Handlers run inside the timer's transaction.
 */
@Configuration(proxyBeanMethods = false)
class TimeBankTimers {

    static final String POINTS_EXPIRY = "POINTS_EXPIRY";
    static final String VOUCHER_EXPIRY = "VOUCHER_EXPIRY";
    static final String VOUCHER_EXPIRY_REMINDER = "VOUCHER_EXPIRY_REMINDER";

    @Bean
    TimerHandler pointsExpiryTimer(PointsExpiry expiry) {
        return TimerHandler.of(POINTS_EXPIRY, expiry::expireEarning);
    }

    @Bean
    TimerHandler voucherExpiryReminderTimer(VoucherService vouchers) {
        return TimerHandler.of(VOUCHER_EXPIRY_REMINDER, vouchers::remindExpiry);
    }

    @Bean
    TimerHandler voucherExpiryTimer(VoucherService vouchers) {
        return TimerHandler.of(VOUCHER_EXPIRY, vouchers::expire);
    }
}
