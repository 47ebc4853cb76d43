package cn.linli.partner;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** 邀请: the person ({@code accountId}) is asked to join the partner in a role; they join only by accepting. */
record PartnerInvitation(long id, long partnerId, long accountId, MemberRole role, InvitationStatus status,
                         long invitedBy, @Nullable Long communityId, Instant createdAt) {
}
