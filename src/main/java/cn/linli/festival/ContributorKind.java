package cn.linli.festival;

import cn.linli.partner.PartnerKind;
import org.jspecify.annotations.Nullable;

/** 四个一点: who chips in (GraphQL {@code ContributorKind}). The sponsor matches residents' money only. */
enum ContributorKind {
    RESIDENT,
    MERCHANT,
    ORGANISATION,
    COMMUNITY,
    GOVERNMENT;

    /**
     * Whether a person may pledge online under this kind. Anyone gives as a resident; a merchant's or an
     * organisation's name is claimed only by someone serving such a partner (else anyone could pose as one on the
     * supporters wall); the community's and the government's money is recorded by staff as an offline contribution.
     *
     * @param partnerKind the kind of partner the person serves, null when none
     */
    boolean pledgeableOnlineBy(@Nullable PartnerKind partnerKind) {
        return switch (this) {
            case RESIDENT -> true;
            case MERCHANT -> partnerKind == PartnerKind.MERCHANT || partnerKind == PartnerKind.CRAFTSMAN;
            case ORGANISATION -> partnerKind == PartnerKind.UNIT || partnerKind == PartnerKind.SOCIAL_ORGANISATION;
            case COMMUNITY, GOVERNMENT -> false;
        };
    }
}
