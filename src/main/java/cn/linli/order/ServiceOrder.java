package cn.linli.order;

import java.time.Instant;
import java.util.List;

import cn.linli.platform.pagination.Keyset;
import org.jspecify.annotations.Nullable;

/**
 * A service order row (mapped by column name). The contact phone is kept as stored, sealed by
 * {@link cn.linli.platform.crypto.PersonalDataCipher}: it is opened only where it is shown (see
 * {@code OrderFieldsController#contactPhoneOfOrder}, which also masks it). Photo ids are never exposed either: clients
 * get signed photo URLs.
 */
public record ServiceOrder(long id, long householdId, long communityId, long residentId, long categoryId,
                           @Nullable Long offeringId, DispatchMode dispatchMode, String description, List<Long> photoIds,
                           @Nullable Instant preferredFrom, @Nullable Instant preferredTo, Urgency urgency,
                           String contactPhone, OrderStatus status, boolean escalated, @Nullable Long partnerId,
                           @Nullable Long servingMemberId, int dispatchRound, @Nullable Instant acceptDeadline,
                           @Nullable Integer minutesSpent, @Nullable String completionNotes,
                           List<Long> completionPhotoIds, @Nullable Integer ratingQuality,
                           @Nullable Integer ratingPunctuality, @Nullable Integer ratingAttitude,
                           @Nullable String ratingComment, @Nullable Instant completedAt, @Nullable Instant confirmedAt,
                           String requestHash, Instant createdAt, Instant updatedAt) {

    /** The resident's rating, once given. */
    public @Nullable Rating rating() {
        if (ratingQuality == null || ratingPunctuality == null || ratingAttitude == null) {
            return null;
        }
        return new Rating(ratingQuality, ratingPunctuality, ratingAttitude, ratingComment);
    }

    public record Rating(int quality, int punctuality, int attitude, @Nullable String comment) {
    }

    /** Orders still holding a unit of their partner's capacity. */
    boolean holdsCapacity() {
        return partnerId != null && status.holdsCapacity();
    }

    Keyset position() {
        return new Keyset(createdAt, id);
    }

    /** Orders compare by id: GraphQL batch loading keys on them, and a reloaded row is the same order. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ServiceOrder order && order.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}
