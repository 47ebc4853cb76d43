package cn.linli.timebank;

import cn.linli.platform.timer.TimerHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/** The time bank's timers: earned points expire (if the community says so); unused vouchers return their points. */
@Configuration(proxyBeanMethods = false)
class TimeBankTimers {

    @Bean
    TimerHandler pointsExpiry(TimeBankService timeBank) {
        return new TimerHandler() {
            @Override
            public String kind() {
                return TimeBankService.POINTS_EXPIRY;
            }

            @Override
            public Mono<Void> fire(long transactionId) {
                return timeBank.expireEarning(transactionId);
            }
        };
    }

    @Bean
    TimerHandler voucherExpiryReminder(RewardService rewards) {
        return new TimerHandler() {
            @Override
            public String kind() {
                return RewardService.VOUCHER_EXPIRY_REMINDER;
            }

            @Override
            public Mono<Void> fire(long voucherId) {
                return rewards.remindExpiry(voucherId);
            }
        };
    }

    @Bean
    TimerHandler voucherExpiry(RewardService rewards) {
        return new TimerHandler() {
            @Override
            public String kind() {
                return RewardService.VOUCHER_EXPIRY;
            }

            @Override
            public Mono<Void> fire(long voucherId) {
                return rewards.expire(voucherId);
            }
        };
    }
}
