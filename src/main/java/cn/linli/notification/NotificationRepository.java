package cn.linli.notification;

import java.util.Collection;

import cn.linli.platform.db.Binds;
import cn.linli.platform.graphql.Ids;
import cn.linli.platform.pagination.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The inbox ({@code notification}), the outbox ({@code notification_outbox}) and consents ({@code subscribe_consent}). */
@Repository
class NotificationRepository {

    /** An outbox row as its timer sees it. */
    record Outbox(long id, long accountId, String templateKey, String data, String page, OutboxStatus status) {
    }

    private final DatabaseClient db;

    NotificationRepository(DatabaseClient db) {
        this.db = db;
    }

    // ---- the inbox ----

    Mono<Long> insert(long accountId, String kind, String title, String body, String page) {
        return db.sql("""
                        insert into notification (account_id, kind, title, body, page)
                        values (:account, :kind, :title, :body, :page) returning id
                        """)
                .bind("account", accountId).bind("kind", kind).bind("title", title).bind("body", body).bind("page", page)
                .map(row -> row.get("id", Long.class)).one();
    }

    /** The account's notifications, newest first, after the page's cursor. */
    Flux<Notification> page(long accountId, PageRequest page) {
        var spec = db.sql("select * from notification where account_id = :a and " + PageRequest.before("")
                + " order by created_at desc, id desc limit :limit").bind("a", accountId);
        return page.bind(spec).mapProperties(Notification.class).all();
    }

    Mono<Notification> latest(long accountId) {
        return db.sql("select * from notification where account_id = :a order by id desc limit 1")
                .bind("a", accountId).mapProperties(Notification.class).one();
    }

    Mono<Integer> unreadCount(long accountId) {
        return db.sql("select count(*) as n from notification where account_id = :a and read_at is null")
                .bind("a", accountId).map(row -> row.get("n", Long.class).intValue()).one();
    }

    /** Marks these notifications of the account read (all of them when {@code ids} is empty); how many changed. */
    Mono<Integer> markRead(long accountId, Collection<Long> ids) {
        return db.sql("""
                        update notification set read_at = now()
                         where account_id = :a and read_at is null and (cardinality(:ids) = 0 or id = any(:ids))
                        """)
                .bind("a", accountId).bind("ids", Ids.array(ids))
                .fetch().rowsUpdated().map(Long::intValue);
    }

    // ---- the outbox ----

    Mono<Long> enqueue(long notificationId, long accountId, String templateKey, String data, String page) {
        return db.sql("""
                        insert into notification_outbox (notification_id, account_id, template_key, data, page, status)
                        values (:notification, :account, :kind, :data, :page, :status) returning id
                        """)
                .bind("notification", notificationId).bind("account", accountId).bind("kind", templateKey)
                .bind("data", data).bind("page", page).bind("status", OutboxStatus.PENDING.name())
                .map(row -> row.get("id", Long.class)).one();
    }

    /** The row, locked until the timer's transaction ends, so two instances never send it both. */
    Mono<Outbox> lock(long outboxId) {
        return db.sql("select id, account_id, template_key, data, page, status from notification_outbox where id = :id for update")
                .bind("id", outboxId).mapProperties(Outbox.class).one();
    }

    /** Ends a pending row as {@code action} says; the guard takes its states from the lifecycle. */
    Mono<Void> close(long outboxId, OutboxLifecycle.Action action, @Nullable String reason) {
        OutboxStatus target = action.target();
        return db.sql("""
                        update notification_outbox set status = :status, last_error = :reason,
                               sent_at = case when :sent then now() else sent_at end
                         where id = :id and status = any(:from)
                        """)
                .bind("status", target.name()).bind("sent", target == OutboxStatus.SENT)
                .bind("reason", Binds.nullable(reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500), String.class))
                .bind("from", OutboxLifecycle.sourcesOf(action)).bind("id", outboxId)
                .then();
    }

    // ---- consent ----

    /** Uses one of the account's consents for this template; false when none is left. */
    Mono<Boolean> useConsent(long accountId, String templateKey) {
        return db.sql("""
                        update subscribe_consent set remaining = remaining - 1
                         where account_id = :account and template_key = :kind and remaining > 0
                        """)
                .bind("account", accountId).bind("kind", templateKey)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    Mono<Void> clearConsent(long accountId, String templateKey) {
        return db.sql("update subscribe_consent set remaining = 0 where account_id = :a and template_key = :k")
                .bind("a", accountId).bind("k", templateKey).then();
    }

    Mono<Void> addConsent(long accountId, String templateKey) {
        return db.sql("""
                        insert into subscribe_consent (account_id, template_key, remaining) values (:a, :k, 1)
                        on conflict (account_id, template_key) do update set remaining = subscribe_consent.remaining + 1
                        """)
                .bind("a", accountId).bind("k", templateKey).then();
    }
}
