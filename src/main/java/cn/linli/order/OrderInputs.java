package cn.linli.order;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Inputs of the order mutations. */
final class OrderInputs {

    record PlaceOrderInput(String householdId, @Nullable String offeringId, @Nullable String categoryCode,
                           String description, @Nullable List<String> photoIds, @Nullable Instant preferredFrom,
                           @Nullable Instant preferredTo, String urgency, String contactPhone, String idempotencyKey) {
    }

    record DispatchOrderInput(String orderId, String partnerId) {
    }

    record AcceptOrderInput(String orderId, @Nullable String servingMemberId) {
    }

    record DeclineOrderInput(String orderId, String reason) {
    }

    record StartOrderInput(String orderId) {
    }

    record CompleteOrderInput(String orderId, int minutesSpent, @Nullable String notes, @Nullable List<String> photoIds) {
    }

    record ConfirmOrderInput(String orderId, int quality, int punctuality, int attitude, @Nullable String comment) {
    }

    record CancelOrderInput(String orderId, String reason) {
    }

    private OrderInputs() {
    }
}
