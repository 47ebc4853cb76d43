package cn.linli.partner;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** One community's part of an application: its status, and the reason (rejected) or the contract (approved). */
record PartnerApplicationCommunity(long applicationId, long communityId, ApplicationStatus status,
                                   @Nullable String reason, @Nullable Instant decidedAt, @Nullable Long contractId,
                                   @Nullable LocalDate validFrom, @Nullable LocalDate validTo,
                                   @Nullable Integer capacity) {
}
