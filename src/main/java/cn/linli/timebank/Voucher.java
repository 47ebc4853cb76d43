package cn.linli.timebank;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A redeemed reward: a code the supplying merchant verifies once ({@link VoucherLifecycle}). */
public record Voucher(long id, long rewardId, long ownerId, String code, int pointsPaid, VoucherStatus status,
                      Instant expiresAt, @Nullable Instant usedAt, Instant createdAt) {
}
