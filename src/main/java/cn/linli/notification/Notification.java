package cn.linli.notification;

import java.time.Instant;

import cn.linli.platform.pagination.Keyset;
import org.jspecify.annotations.Nullable;

/** An in-app notification. */
public record Notification(long id, long accountId, String kind, String title, String body, String page,
                           @Nullable Instant readAt, Instant createdAt) {

    public boolean read() {
        return readAt != null;
    }

    Keyset position() {
        return new Keyset(createdAt, id);
    }
}
