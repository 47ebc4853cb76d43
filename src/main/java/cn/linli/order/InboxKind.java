package cn.linli.order;

/** What happened in a partner's inbox (the {@code kind} of {@code PartnerInboxEvent}). */
enum InboxKind {
    DISPATCHED,
    GRAB_OFFERED,
    /** Another partner grabbed it first. */
    TAKEN,
    /** Cancelled, re-dispatched, or the offer was declined. */
    WITHDRAWN,
    UPDATED
}
