package cn.linli.partner;

import java.time.Instant;

import cn.linli.platform.pagination.Keyset;
import org.jspecify.annotations.Nullable;

/** 红色合伙人. {@code activeOrders} is guarded by the database never to exceed {@code capacity}. */
public record Partner(long id, String name, PartnerKind kind, @Nullable String description, @Nullable String contactPhone,
                      int capacity, int activeOrders, boolean online, Instant createdAt) {

    /** The same partner with its contact phone as read through the cipher. */
    Partner withContactPhone(@Nullable String opened) {
        return new Partner(id, name, kind, description, opened, capacity, activeOrders, online, createdAt);
    }

    Keyset position() {
        return new Keyset(createdAt, id);
    }
}
