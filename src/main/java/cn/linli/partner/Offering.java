package cn.linli.partner;

import java.time.Instant;

import cn.linli.platform.pagination.Keyset;
import org.jspecify.annotations.Nullable;

/**
 * 服务清单: one service a partner offers, free or priced in points or fen. {@code priceKind} stays text for the
 * features that read it today; {@link #pricing()} is the typed view.
 */
public record Offering(long id, long partnerId, long categoryId, String title, @Nullable String description,
                       String priceKind, @Nullable Integer pricePoints, @Nullable Integer priceFen,
                       int estimatedMinutes, boolean active, Instant createdAt) {

    public PriceKind pricing() {
        return PriceKind.valueOf(priceKind);
    }

    Keyset position() {
        return new Keyset(createdAt, id);
    }
}
