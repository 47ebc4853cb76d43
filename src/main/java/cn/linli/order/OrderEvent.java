package cn.linli.order;

import java.time.Instant;

import cn.linli.partner.Partner;
import org.jspecify.annotations.Nullable;

/**
 * One transition in an order's timeline, with the account that made it ({@code actor}) and the partner it concerned,
 * read in the same statement as the event ({@link OrderTimeline}): GraphQL resolves {@code actor} and {@code partner}
 * from these components, with no statement of their own. Null when there is none (or it no longer exists).
 */
public record OrderEvent(long id, long orderId, @Nullable Long actorId, ActorKind actorKind, @Nullable OrderStatus from,
                         OrderStatus to, @Nullable Long partnerId, @Nullable String reason, Instant at,
                         @Nullable OrderPerson actor, @Nullable Partner partner) {
}
