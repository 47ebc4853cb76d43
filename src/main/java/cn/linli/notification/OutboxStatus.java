package cn.linli.notification;

/** Where a subscribe message in the outbox stands ({@code notification_outbox.status}). */
enum OutboxStatus {
    /** Waiting for its timer: sent, or retried with back-off while WeChat fails. */
    PENDING,
    /** WeChat accepted it. */
    SENT,
    /** No one-time consent was left (counted here, or WeChat said 43101): only the in-app notification remains. */
    NO_CONSENT,
    /** WeChat kept failing until the attempt bound: the last error is kept as the reason. */
    GAVE_UP;

    boolean isFinal() {
        return this != PENDING;
    }
}
