package cn.linli.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.linli.identity.IdentityService;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.events.EventBus;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.Connection;
import cn.linli.platform.pagination.PageRequest;
import cn.linli.platform.security.Viewers;
import cn.linli.platform.timer.Timers;
import cn.linli.wechat.WeChatMessages;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications: an in-app inbox, and WeChat subscribe messages through an outbox. {@link #notify} runs in the
 * transaction of the change that causes it, so the notification exists exactly when the change does; a timer per
 * outbox row sends it later (any instance, retried with back-off, given up after a bound), so a WeChat outage delays
 * messages but loses none. A send uses one of the person's one-time consents; without one, only the in-app
 * notification is left.
 */
@Service
public class NotificationService {

    static final String SEND = "NOTIFICATION_SEND";
    private static final String CHANNEL = "notifications";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final DatabaseClient db;
    private final Timers timers;
    private final WeChatMessages weChat;
    private final IdentityService identity;
    private final NotificationProperties properties;
    private final EventBus bus;
    private final JsonMapper json;
    private final Flux<Long> received;

    NotificationService(DatabaseClient db, Timers timers, WeChatMessages weChat, IdentityService identity,
                        NotificationProperties properties, EventBus bus, JsonMapper json) {
        this.db = db;
        this.timers = timers;
        this.weChat = weChat;
        this.identity = identity;
        this.properties = properties;
        this.bus = bus;
        this.json = json;
        this.received = bus.subscribe(CHANNEL, Long.class)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, java.time.Duration.ofSeconds(1)))
                .publish()
                .autoConnect(0);
    }

    /** Tells these people, in the caller's transaction: in the app at once, through WeChat by the outbox. */
    public Mono<Void> notify(Collection<Long> accountIds, String kind, String title, String body, String page) {
        String shortTitle = title.length() > 60 ? title.substring(0, 60) : title;
        String shortBody = body.length() > 300 ? body.substring(0, 300) : body;
        return Flux.fromIterable(accountIds.stream().distinct().toList())
                .concatMap(accountId -> db.sql("""
                                insert into notification (account_id, kind, title, body, page)
                                values (:account, :kind, :title, :body, :page) returning id, created_at
                                """)
                        .bind("account", accountId).bind("kind", kind).bind("title", shortTitle).bind("body", shortBody)
                        .bind("page", page)
                        .map(row -> new long[] {row.get("id", Long.class)})
                        .one()
                        .flatMap(ids -> enqueue(ids[0], accountId, kind, shortTitle, shortBody, page))
                        .then(afterCommit(accountId)))
                .then();
    }

    private Mono<Void> enqueue(long notificationId, long accountId, String kind, String title, String body, String page) {
        if (!properties.templates().containsKey(kind)) {
            return Mono.empty();
        }
        Map<String, String> data = new HashMap<>();
        data.put("thing1", cut(title, 20));
        data.put("thing2", cut(body, 20));
        data.put("time3", TIME.format(Instant.now()));
        return db.sql("""
                        insert into notification_outbox (notification_id, account_id, template_key, data, page, status)
                        values (:notification, :account, :kind, :data, :page, 'PENDING') returning id
                        """)
                .bind("notification", notificationId).bind("account", accountId).bind("kind", kind)
                .bind("data", json.writeValueAsString(data)).bind("page", page)
                .map(row -> row.get("id", Long.class)).one()
                .flatMap(outboxId -> timers.schedule(SEND, outboxId, Instant.now()));
    }

    private record Outbox(long id, long accountId, String templateKey, String data, String page, String status) {
    }

    /** Timer: sends one outbox row. Throws while WeChat fails (the timer retries, the consent is not used up). */
    Mono<Void> send(long outboxId) {
        return db.sql("select * from notification_outbox where id = :id for update").bind("id", outboxId)
                .map(row -> new Outbox(row.get("id", Long.class), row.get("account_id", Long.class),
                        row.get("template_key", String.class), row.get("data", String.class), row.get("page", String.class),
                        row.get("status", String.class)))
                .one()
                .filter(outbox -> "PENDING".equals(outbox.status()))
                .flatMap(outbox -> db.sql("""
                                update subscribe_consent set remaining = remaining - 1
                                 where account_id = :account and template_key = :kind and remaining > 0
                                """)
                        .bind("account", outbox.accountId()).bind("kind", outbox.templateKey())
                        .fetch().rowsUpdated()
                        .flatMap(consented -> consented == 0 ? close(outbox.id(), "NO_CONSENT", "没有订阅授权")
                                : identity.openidOf(outbox.accountId()).flatMap(openid -> weChat.sendSubscribeMessage(openid,
                                        properties.templates().get(outbox.templateKey()), outbox.page(),
                                        json.readValue(outbox.data(), new TypeReference<Map<String, String>>() { })))
                                .flatMap(outcome -> outcome == WeChatMessages.Outcome.SENT ? close(outbox.id(), "SENT", null)
                                        // 43101: WeChat says the consent is gone, whatever we counted
                                        : db.sql("update subscribe_consent set remaining = 0 where account_id = :a and template_key = :k")
                                        .bind("a", outbox.accountId()).bind("k", outbox.templateKey()).then()
                                        .then(close(outbox.id(), "NO_CONSENT", "微信返回 43101：授权已用完")))));
    }

    /** After the bound: the message is given up with the last error as the reason (the in-app one stays). */
    Mono<Void> giveUp(long outboxId, String reason) {
        return close(outboxId, "GAVE_UP", reason);
    }

    private Mono<Void> close(long outboxId, String status, @Nullable String reason) {
        var spec = db.sql("""
                update notification_outbox set status = :status, last_error = :reason,
                       sent_at = case when :status = 'SENT' then now() else sent_at end
                 where id = :id and status = 'PENDING'
                """).bind("status", status).bind("id", outboxId);
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason.length() > 500 ? reason.substring(0, 500) : reason);
        return spec.then();
    }

    int maxAttempts() {
        return properties.maxAttempts();
    }

    // ---- consent ----

    /** The counts the mini-program reports after wx.requestSubscribeMessage: each accepted template allows one send. */
    Mono<List<String>> recordConsent(List<String> accepted, List<String> rejected) {
        return Viewers.current().flatMap(viewer -> {
            Map<String, String> kindOf = new HashMap<>();
            properties.templates().forEach((kind, templateId) -> kindOf.put(templateId, kind));
            for (String templateId : accepted) {
                if (!kindOf.containsKey(templateId)) {
                    throw LinliException.invalid("input.accepted", "未知的订阅消息模板：" + templateId);
                }
            }
            return Flux.fromIterable(accepted)
                    .concatMap(templateId -> db.sql("""
                                    insert into subscribe_consent (account_id, template_key, remaining) values (:a, :k, 1)
                                    on conflict (account_id, template_key) do update set remaining = subscribe_consent.remaining + 1
                                    """)
                            .bind("a", viewer.accountId()).bind("k", kindOf.get(templateId)).then())
                    .then(Mono.just(accepted));
        });
    }

    Map<String, String> templates() {
        return properties.templates();
    }

    // ---- the in-app inbox ----

    Mono<Connection<Notification>> mine(@Nullable Integer first, @Nullable String after) {
        return Viewers.current().flatMap(viewer -> {
            PageRequest page = PageRequest.of(first, after);
            var spec = db.sql("""
                            select * from notification where account_id = :a
                               and (cast(:afterTime as timestamptz) is null or (created_at, id) < (:afterTime, :afterId))
                             order by created_at desc, id desc limit :limit
                            """).bind("a", viewer.accountId()).bind("limit", page.limitPlusOne());
            var cursor = page.after();
            spec = cursor == null ? spec.bindNull("afterTime", Instant.class) : spec.bind("afterTime", cursor.createdAt());
            spec = cursor == null ? spec.bindNull("afterId", Long.class) : spec.bind("afterId", cursor.id());
            return spec.map(NotificationService::notification).all().collectList()
                    .map(rows -> Connection.of(rows, page, Notification::position));
        });
    }

    Mono<Integer> unreadCount() {
        return Viewers.current().flatMap(viewer -> db.sql("select count(*) as n from notification where account_id = :a and read_at is null")
                .bind("a", viewer.accountId()).map(row -> row.get("n", Long.class).intValue()).one());
    }

    /** Marks the given notifications (or all, when none are given) read; how many changed. */
    Mono<Integer> markRead(@Nullable List<String> ids) {
        return Viewers.current().flatMap(viewer -> {
            List<Long> parsed = ids == null ? List.of() : ids.stream().map(id -> Ids.parse(id, "input.ids")).toList();
            var spec = db.sql("""
                    update notification set read_at = now()
                     where account_id = :a and read_at is null and (cardinality(:ids) = 0 or id = any(:ids))
                    """).bind("a", viewer.accountId()).bind("ids", Ids.array(parsed));
            return spec.fetch().rowsUpdated().map(Long::intValue);
        });
    }

    /** The viewer's new notifications, live, from any instance. */
    Flux<Notification> received() {
        return Viewers.current().flatMapMany(viewer -> received
                .filter(accountId -> accountId == viewer.accountId())
                .concatMap(accountId -> db.sql("select * from notification where account_id = :a order by id desc limit 1")
                        .bind("a", accountId).map(NotificationService::notification).one()));
    }

    private Mono<Void> afterCommit(long accountId) {
        Mono<Void> publish = bus.publish(CHANNEL, accountId);
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(sync -> sync.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return publish;
                    }
                }))
                .then()
                .onErrorResume(ex -> publish);
    }

    private static Notification notification(Readable row) {
        java.time.OffsetDateTime read = row.get("read_at", java.time.OffsetDateTime.class);
        return new Notification(row.get("id", Long.class), row.get("account_id", Long.class), row.get("kind", String.class),
                row.get("title", String.class), row.get("body", String.class), row.get("page", String.class),
                read == null ? null : read.toInstant(), row.get("created_at", java.time.OffsetDateTime.class).toInstant());
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
