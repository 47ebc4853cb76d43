package cn.linli.partner;

/** What kind of organisation a partner is ({@code partner.kind}, GraphQL {@code PartnerKind}). */
public enum PartnerKind {
    UNIT, SOCIAL_ORGANISATION, MERCHANT, CRAFTSMAN
}
