package cn.linli.audit;

/** What happened to the subject of an audit entry. */
public enum AuditAction {
    CREATED, RENAMED, UPDATED, RETIRED, REINSTATED, IMPORTED,
    APPOINTED, REVOKED,
    APPLIED, APPROVED, REJECTED, WITHDRAWN,
    JOINED, LEFT, REMOVED, HEAD_HANDED_OVER,
    SUSPENDED, CONTRACTED,
    /** Someone was invited (to join a partner). */
    INVITED,
    /** An invitation was declined. */
    DECLINED,
    /** A person's personal information was erased (account deletion performed). */
    ERASED
}
