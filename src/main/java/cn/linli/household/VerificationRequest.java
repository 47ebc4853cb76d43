package cn.linli.household;

import java.time.Instant;

import cn.linli.platform.pagination.Keyset;
import org.jspecify.annotations.Nullable;

/**
 * A request to join a household (房屋认证), with the applicant's nickname and bound phone, and whether that phone is
 * the one the community registered for the household's head (compared by keyed hash in the database). Only its
 * parties (the applicant and its approvers) are ever given one: {@link HouseholdPolicy} sees to that before it leaves
 * a service.
 */
record VerificationRequest(long id, long householdId, long communityId, long applicantId, HouseholdRelation relation,
                           String realName, @Nullable Long proofPhotoId, VerificationStatus status,
                           @Nullable Long decidedBy, @Nullable Instant decidedAt, @Nullable String rejectionReason,
                           Instant createdAt, @Nullable String applicantNickname, @Nullable String applicantPhone,
                           boolean phoneMatchesRegisteredHead) {

    /** The same request with the real name and phone as read through the cipher. */
    VerificationRequest withPersonalData(String openedRealName, @Nullable String openedPhone) {
        return new VerificationRequest(id, householdId, communityId, applicantId, relation, openedRealName, proofPhotoId,
                status, decidedBy, decidedAt, rejectionReason, createdAt, applicantNickname, openedPhone,
                phoneMatchesRegisteredHead);
    }

    Keyset position() {
        return new Keyset(createdAt, id);
    }
}
