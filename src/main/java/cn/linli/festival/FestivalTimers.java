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
}
