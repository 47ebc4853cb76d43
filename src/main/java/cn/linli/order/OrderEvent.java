package cn.linli.order;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One transition in an order's timeline. */
public record OrderEvent(long id, long orderId, @Nullable Long actorId, ActorKind actorKind, @Nullable OrderStatus from,
                         OrderStatus to, @Nullable Long partnerId, @Nullable String reason, Instant at) {
}
