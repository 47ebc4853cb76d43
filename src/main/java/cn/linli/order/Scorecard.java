package cn.linli.order;

import org.jspecify.annotations.Nullable;

/** A partner's public track record (schema {@code PartnerScorecard}), computed in SQL. */
record Scorecard(long partnerId, int completedOrders, @Nullable Double averageQuality,
                 @Nullable Double averagePunctuality, @Nullable Double averageAttitude, @Nullable Double onTimeRate) {

    @Nullable Double averageRating() {
        if (averageQuality == null || averagePunctuality == null || averageAttitude == null) {
            return null;
        }
        return Math.round((averageQuality + averagePunctuality + averageAttitude) / 3 * 10) / 10.0;
    }
}
