package cn.linli.partner;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Inputs of the partner mutations. */
final class PartnerInputs {

    record OnboardPartnerInput(String communityId, String name, String kind, @Nullable String description,
                               @Nullable String contactPhone, List<String> categoryCodes, int capacity,
                               LocalDate validFrom, LocalDate validTo, @Nullable String adminAccountId) {
    }

    record AddPartnerMemberInput(String partnerId, String accountId, String role) {
    }

    record SetPartnerOnlineInput(boolean online) {
    }

    record CreateOfferingInput(String categoryCode, String title, @Nullable String description, String priceKind,
                               @Nullable Integer pricePoints, @Nullable Integer priceFen, int estimatedMinutes) {
    }

    record UpdateOfferingInput(String offeringId, @Nullable String title, @Nullable String description,
                               @Nullable Integer estimatedMinutes, @Nullable Boolean active) {
    }

    private PartnerInputs() {
    }
}
