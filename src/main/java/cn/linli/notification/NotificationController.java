package cn.linli.notification;

import java.util.List;
import java.util.Map;

import cn.linli.platform.security.Viewer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
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

    /** One answer of wx.requestSubscribeMessage, which asks for at most 3 templates at a time, each once. */
    record RecordSubscribeConsentInput(
            @Nullable @Size(max = 3, message = "一次最多记录 3 个订阅消息模板") List<String> accepted,
            @Nullable @Size(max = 3, message = "一次最多记录 3 个订阅消息模板") List<String> rejected) {
    }

    record MarkNotificationsReadInput(@Nullable List<String> ids) {
    }

    record SubscribeTemplate(String kind, String templateId) {
    }

    @QueryMapping
    Mono<Map<String, Object>> myNotifications(@Argument @Nullable Integer first, @Argument @Nullable String after,
                                              Viewer viewer) {
        return Mono.zip(service.mine(viewer, first, after), service.unreadCount(viewer))
                .map(t -> Map.of("edges", t.getT1().edges(), "pageInfo", t.getT1().pageInfo(), "unreadCount", t.getT2()));
    }

    @QueryMapping
    List<SubscribeTemplate> subscribeTemplates() {
        return service.templates().entrySet().stream().map(e -> new SubscribeTemplate(e.getKey(), e.getValue())).toList();
    }

    /** Rejections need no record: a template without consent is simply not sent. */
    @MutationMapping
    Mono<Map<String, Object>> recordSubscribeConsent(@Argument @Valid RecordSubscribeConsentInput input, Viewer viewer) {
        return service.recordConsent(viewer, input.accepted() == null ? List.of() : input.accepted())
                .map(accepted -> Map.of("recorded", accepted.size()));
    }

    @MutationMapping
    Mono<Map<String, Object>> markNotificationsRead(@Argument MarkNotificationsReadInput input, Viewer viewer) {
        return service.markRead(viewer, input.ids()).map(changed -> Map.of("marked", changed));
    }

    @SubscriptionMapping
    Flux<Notification> notificationReceived(Viewer viewer) {
        return service.received(viewer);
    }
}
