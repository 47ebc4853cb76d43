package cn.linli.order;

import java.util.ArrayList;
import java.util.List;

/**
 * What a committed transition tells subscribers: which order changed, in which community, the status it reached, and
 * which partners' inboxes it touches. Published once per transaction as a domain event; {@link OrderEvents} relays it
 * after commit. Subscribers reload the order themselves.
 */
record OrderChange(long orderId, long communityId, OrderStatus status, List<InboxNotice> inbox) {

    /** {@code kind} is an {@link InboxKind} name (text on the wire, and to the schema's {@code kind: String!}). */
    record InboxNotice(long partnerId, String kind) {
    }

    /** Collects the inbox notices of one transaction attempt. */
    static final class Builder {
        private final List<InboxNotice> inbox = new ArrayList<>();

        Builder notify(long partnerId, InboxKind kind) {
            inbox.add(new InboxNotice(partnerId, kind.name()));
            return this;
        }

        OrderChange build(ServiceOrder order) {
            return new OrderChange(order.id(), order.communityId(), order.status(), List.copyOf(inbox));
        }
    }
}
