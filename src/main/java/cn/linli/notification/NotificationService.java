package cn.linli.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewer;
import cn.linli.platform.timer.Timers;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.reactive.TransactionalEventPublisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications: an in-app inbox, and WeChat subscribe messages through an outbox. {@link #notify} runs in the
 * transaction of the change that causes it, so the notification exists exactly when the change does; a timer per
 * outbox row sends it later ({@link OutboxDelivery}), so a WeChat outage delays messages but loses none. A send uses
 * one of the person's one-time consents; without one, only the in-app notification is left.
 */
@Service
public class NotificationService {

    static final String SEND = "NOTIFICATION_SEND";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final NotificationRepository repository;
    private final Timers timers;
    private final NotificationProperties properties;
    private final TransactionalEventPublisher events;
    private final NotificationFanout fanout;
    private final JsonMapper json;

    NotificationService(NotificationRepository repository, Timers timers, NotificationProperties properties,
                        TransactionalEventPublisher events, NotificationFanout fanout, JsonMapper json) {
        this.repository = repository;
        this.timers = timers;
        this.properties = properties;
        this.events = events;
        this.fanout = fanout;
        this.json = json;
    }

    /**
     * Tells these people, in the caller's transaction (joined, never retried here): in the app at once, through
     * WeChat by the outbox. {@code page} is a mini-program route; prefer the {@link NoticePage} overload.
     */
    @Transactional
    public Mono<Void> notify(Collection<Long> accountIds, String kind, String title, String body, String page) {
        String shortTitle = title.length() > 60 ? title.substring(0, 60) : title;
        String shortBody = body.length() > 300 ? body.substring(0, 300) : body;
        return Flux.fromIterable(accountIds.stream().distinct().toList())
                .concatMap(accountId -> repository.insert(accountId, kind, shortTitle, shortBody, page)
                        .flatMap(id -> enqueue(id, accountId, kind, shortTitle, shortBody, page))
                        .then(events.publishEvent(new NotificationCreated(accountId))))
                .then();
    }

    /** As {@link #notify(Collection, String, String, String, String)}, opening {@code page} at {@code subjectId}. */
    @Transactional
    public Mono<Void> notify(Collection<Long> accountIds, String kind, String title, String body, NoticePage page,
                             long subjectId) {
        return notify(accountIds, kind, title, body, page.route(subjectId));
    }

    private Mono<Void> enqueue(long notificationId, long accountId, String kind, String title, String body, String page) {
        if (!properties.templates().containsKey(kind)) {
            return Mono.empty();
        }
        Map<String, String> data = new HashMap<>();
        data.put("thing1", cut(title, 20));
        data.put("thing2", cut(body, 20));
        data.put("time3", TIME.format(Instant.now()));
        return repository.enqueue(notificationId, accountId, kind, json.writeValueAsString(data), page)
                .flatMap(outboxId -> timers.schedule(SEND, outboxId, Instant.now()));
    }

    // ---- consent ----

    /** The counts the mini-program reports after wx.requestSubscribeMessage: each accepted template allows one send. */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<List<String>> recordConsent(Viewer viewer, List<String> accepted) {
        return Mono.defer(() -> {
            Map<String, String> kindOf = new HashMap<>();
            properties.templates().forEach((kind, templateId) -> kindOf.put(templateId, kind));
            if (new java.util.HashSet<>(accepted).size() < accepted.size()) {
                // each answer names a template once; repeating it would count one tap as many sends
                return Mono.error(LinliException.invalid("input.accepted", "同一个订阅消息模板只能记录一次"));
            }
            for (String templateId : accepted) {
                if (!kindOf.containsKey(templateId)) {
                    return Mono.error(LinliException.invalid("input.accepted", "未知的订阅消息模板：" + templateId));
                }
            }
            return Flux.fromIterable(accepted)
                    .concatMap(templateId -> repository.addConsent(viewer.accountId(), kindOf.get(templateId)))
                    .then(Mono.just(accepted));
        });
    }

    Map<String, String> templates() {
        return properties.templates();
    }

    // ---- the in-app inbox ----

    Mono<Connection<Notification>> mine(Viewer viewer, @Nullable Integer first, @Nullable String after) {
        return Mono.fromCallable(() -> PageRequest.of(first, after))
                .flatMap(page -> repository.page(viewer.accountId(), page).collectList()
                        .map(rows -> Connection.of(rows, page, Notification::position)));
    }

    Mono<Integer> unreadCount(Viewer viewer) {
        return repository.unreadCount(viewer.accountId());
    }

    /** Marks the given notifications (or all, when none are given) read; how many changed. One statement. */
    Mono<Integer> markRead(Viewer viewer, @Nullable List<String> ids) {
        return Mono.fromCallable(() -> ids == null ? List.<Long>of() : ids.stream().map(id -> Ids.parse(id, "input.ids")).toList())
                .flatMap(parsed -> repository.markRead(viewer.accountId(), parsed));
    }

    /** The viewer's new notifications, live, from any instance. */
    Flux<Notification> received(Viewer viewer) {
        return fanout.created()
                .filter(accountId -> accountId == viewer.accountId())
                .concatMap(repository::latest);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
