package cn.linli.notification;

import java.util.List;
import java.util.Map;

import cn.linli.platform.timer.TimerHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** GraphQL mappings of notifications and subscribe-message consent. */
@Controller
class NotificationController {

    private final NotificationService service;

    NotificationController(NotificationService service) {
        this.service = service;
    }

    record RecordSubscribeConsentInput(@Nullable List<String> accepted, @Nullable List<String> rejected) {
    }

    record MarkNotificationsReadInput(@Nullable List<String> ids) {
    }

    record SubscribeTemplate(String kind, String templateId) {
    }

    @QueryMapping
    Mono<Map<String, Object>> myNotifications(@Argument @Nullable Integer first, @Argument @Nullable String after) {
        return Mono.zip(service.mine(first, after), service.unreadCount())
                .map(t -> Map.of("edges", t.getT1().edges(), "pageInfo", t.getT1().pageInfo(), "unreadCount", t.getT2()));
    }

    @QueryMapping
    List<SubscribeTemplate> subscribeTemplates() {
        return service.templates().entrySet().stream().map(e -> new SubscribeTemplate(e.getKey(), e.getValue())).toList();
    }

    @MutationMapping
    Mono<Map<String, Object>> recordSubscribeConsent(@Argument RecordSubscribeConsentInput input) {
        return service.recordConsent(input.accepted() == null ? List.of() : input.accepted(),
                input.rejected() == null ? List.of() : input.rejected()).map(accepted -> Map.of("recorded", accepted.size()));
    }

    @MutationMapping
    Mono<Map<String, Object>> markNotificationsRead(@Argument MarkNotificationsReadInput input) {
        return service.markRead(input.ids()).map(changed -> Map.of("marked", changed));
    }

    @SubscriptionMapping
    Flux<Notification> notificationReceived() {
        return service.received();
    }

    @Configuration(proxyBeanMethods = false)
    static class Timers {

        @Bean
        TimerHandler notificationSend(NotificationService notifications) {
            return new TimerHandler() {
                @Override
                public String kind() {
                    return NotificationService.SEND;
                }

                @Override
                public Mono<Void> fire(long outboxId) {
                    return notifications.send(outboxId);
                }

                @Override
                public int maxAttempts() {
                    return notifications.maxAttempts();
                }

                @Override
                public Mono<Void> giveUp(long outboxId, String reason) {
                    return notifications.giveUp(outboxId, reason);
                }
            };
        }
    }
}
