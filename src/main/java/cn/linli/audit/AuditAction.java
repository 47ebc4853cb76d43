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
    /** A need was sorted into one of the five kinds (五事分流). */
    TRIAGED,
    /** A need was merged into another (its supporters add up). */
    MERGED,
    /** A need became a service order. */
    ORDERED,
    /** Something was escalated (a need, to the street). */
    ESCALATED,
    /** A need was resolved. */
    RESOLVED,
    /** A joint meeting decided an agenda item. */
    AGENDA_DECIDED,
    /** Something was opened (a ballot, to votes). */
    OPENED,
    /** Something was closed (a ballot, early by staff). */
    CLOSED,
    /** Something was cancelled (a ballot). */
    CANCELLED,
    /** A person's personal information was erased (account deletion performed). */
    ERASED,
    /** Something was pledged (a resource, to a project). */
    PLEDGED,
    /** Something was started (a project). */
    STARTED,
    /** A project's milestone was reported done. */
    MILESTONE_REPORTED,
    /** A project was submitted to its supervision committee for sign-off. */
    SUBMITTED_FOR_SIGN_OFF,
    /** A supervision committee member signed off a project. */
    SIGNED_OFF,
    /** Something was completed (a project, by its sign-offs). */
    COMPLETED
}
