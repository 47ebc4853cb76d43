package cn.linli.partner;

/** A member's role in their partner ({@code partner_member.role}, GraphQL {@code PartnerMemberRole}). */
public enum MemberRole {
    /** Manages the partner: offerings, members, rewards. */
    ADMIN,
    /** Serves orders. */
    MEMBER
}
