package cn.linli.partner;

import java.time.Instant;

import cn.linli.platform.pagination.Keyset;
import org.jspecify.annotations.Nullable;

/** 服务清单: one service a partner offers, free or priced in points or fen. */
public record Offering(long id, long partnerId, long categoryId, String title, @Nullable String description,
                       String priceKind, @Nullable Integer pricePoints, @Nullable Integer priceFen,
                       int estimatedMinutes, boolean active, Instant createdAt) {

    Keyset position() {
        return new Keyset(createdAt, id);
    }
}
