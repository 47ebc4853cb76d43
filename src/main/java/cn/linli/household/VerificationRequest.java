package cn.linli.household;

import java.time.Instant;

import cn.linli.platform.pagination.Keyset;
import org.jspecify.annotations.Nullable;

/**
 * A request to join a household (房屋认证), with the applicant's nickname and bound phone. Only its parties (the
 * applicant and its approvers) are ever given one: {@link HouseholdPolicy} sees to that before it leaves a service.
 */
record VerificationRequest(long id, long householdId, long communityId, long applicantId, HouseholdRelation relation,
                           String realName, @Nullable Long proofPhotoId, VerificationStatus status,
                           @Nullable Long decidedBy, @Nullable Instant decidedAt, @Nullable String rejectionReason,
                           Instant createdAt, @Nullable String applicantNickname, @Nullable String applicantPhone) {

    Keyset position() {
        return new Keyset(createdAt, id);
    }
}
