package cn.linli.timebank;

import java.time.Instant;
import java.time.LocalDate;

import cn.linli.platform.pagination.Keyset;
import org.jspecify.annotations.Nullable;

/** A reward of the catalogue: supplied by a partner, priced in points, with stock. */
public record Reward(long id, long communityId, long partnerId, RewardKind kind, String title, @Nullable String description,
                     int pointsPrice, int stock, LocalDate validTo, int voucherValidDays, boolean active,
                     Instant createdAt) {

    Keyset position() {
        return new Keyset(createdAt, id);
    }
}
