package cn.linli.audit;

/** What kind of thing an audit entry is about; {@code subjectId} is that thing's id. */
public enum AuditSubject {
    STREET, COMMUNITY, ESTATE, BUILDING, UNIT, HOUSEHOLD,
    /** A person's membership of a household (subject id: the household). */
    MEMBERSHIP,
    /** A request to join a household (房屋认证). */
    VERIFICATION,
    /** A household import (subject id: the import). */
    HOUSEHOLD_IMPORT,
    /** A staff appointment of a community or street (subject id: the staff member's account). */
    STAFF,
    PARTNER,
    /** A partner's application to serve a community. */
    PARTNER_APPLICATION,
    /** A resident's need or problem (需求清单). */
    NEED,
    /** A joint meeting (联席会议) of a community. */
    NEED_MEETING,
    /** A community's triage rule (the due time of a kind and level). */
    NEED_TRIAGE_RULE,
    /** A household ballot (一户三票). */
    BALLOT,
    /** A person's account: its deletion (注销) requested, cancelled and performed (subject id: the account). */
    ACCOUNT,
    /** A project of the community (项目清单). */
    PROJECT,
    /** A resource offered to a community (资源清单). */
    PROJECT_RESOURCE,
    /** A member of a community's supervision committee (监督委员会; subject id: the member's account). */
    SUPERVISION_MEMBER,
    /** A community's sign-off rule (subject id: the community). */
    SUPERVISION_RULE
}
