package cn.linli.festival;

/**
 * A refund at WeChat Pay, from our side: requested (derived refund number, so never twice), then confirmed by WeChat
 * Pay's notification or by querying it. Pure: what each refund status WeChat Pay reports leads to.
 */
final class RefundLifecycle {

    /** WeChat Pay's refund statuses (PROCESSING, SUCCESS, CLOSED, ABNORMAL); anything unknown counts as ABNORMAL. */
    enum RefundState {
        PROCESSING, SUCCESS, CLOSED, ABNORMAL;

        static RefundState of(String status) {
            for (RefundState state : values()) {
                if (state.name().equals(status)) {
                    return state;
                }
            }
            return ABNORMAL;
        }
    }

    enum Next {
        /** The money is back: REFUNDING → REFUNDED, and the pledger is told. */
        MARK_REFUNDED,
        /** WeChat Pay is working on it: query again in a minute. */
        CHECK_LATER,
        /** The refund did not go through (closed, abnormal): ask for it again later, with the same refund number. */
        REQUEST_AGAIN
    }

    /** After asking for the refund: done at once, or to be confirmed. */
    static Next afterRequest(String status) {
        return RefundState.of(status) == RefundState.SUCCESS ? Next.MARK_REFUNDED : Next.CHECK_LATER;
    }

    /** After querying a refund whose notification has not come. */
    static Next afterQuery(String status) {
        return switch (RefundState.of(status)) {
            case SUCCESS -> Next.MARK_REFUNDED;
            case PROCESSING -> Next.CHECK_LATER;
            case CLOSED, ABNORMAL -> Next.REQUEST_AGAIN;
        };
    }

    /** A refund notification reports money given back (others are answered and ignored). */
    static boolean reportsRefund(String refundStatus) {
        return RefundState.of(refundStatus) == RefundState.SUCCESS;
    }

    private RefundLifecycle() {
    }
}
