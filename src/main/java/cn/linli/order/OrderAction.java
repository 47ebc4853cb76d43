package cn.linli.order;

/** What can happen to an order; {@link OrderLifecycle} says from where, by whom and to what. */
enum OrderAction {
    /** Staff (or automatic dispatch) give it to a partner, or offer it to grab. */
    DISPATCH,
    /** The partner it was dispatched to accepts, or an offered partner grabs it. */
    ACCEPT,
    /** The partner it was dispatched to turns it down: back to the queue, on to the next candidate. */
    DECLINE,
    /** An offered partner turns the grab offer down; the others may still grab it. */
    DECLINE_OFFER,
    /** The accept deadline passed: taken back from the partner, sent on. */
    EXPIRE,
    /** Nobody (else) can take it: back to staff, flagged. */
    ESCALATE,
    START,
    COMPLETE,
    /** The resident confirms and rates. */
    CONFIRM,
    /** Silence after completion confirms it. */
    AUTO_CONFIRM,
    CANCEL
}
