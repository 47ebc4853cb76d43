package cn.linli.order;

import java.util.ArrayList;
import java.util.List;

/**
 * What a committed transition tells subscribers: which order changed, in which community, and which partners' inboxes
 * it touches (kind: DISPATCHED, GRAB_OFFERED, TAKEN, WITHDRAWN, UPDATED). Subscribers reload the order themselves.
 */
record OrderChange(long orderId, long communityId, List<InboxNotice> inbox) {

    record InboxNotice(long partnerId, String kind) {
    }

    /** Collects the inbox notices of one transaction, to publish once it has committed. */
    static final class Builder {
        private final List<InboxNotice> inbox = new ArrayList<>();

        Builder notify(long partnerId, String kind) {
            inbox.add(new InboxNotice(partnerId, kind));
            return this;
        }

        OrderChange build(ServiceOrder order) {
            return new OrderChange(order.id(), order.communityId(), List.copyOf(inbox));
        }
    }
}
