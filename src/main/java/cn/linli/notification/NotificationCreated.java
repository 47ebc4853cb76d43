package cn.linli.notification;

/** A notification was written for this account; delivered to listeners only once its transaction commits. */
record NotificationCreated(long accountId) {
}
