package cn.linli.householdimport;

import java.time.Instant;

import cn.linli.platform.pagination.Keyset;
import org.jspecify.annotations.Nullable;

/**
 * One row of an import's report. Pages are keyset pages like every list: all rows of an import share its
 * {@code createdAt}, so the row number is the tie-breaker ({@code id} in the keyset).
 */
record ReportRow(int rowNumber, String estate, String building, String unit, String room, @Nullable String headName,
                 @Nullable String headPhone, ImportOutcome outcome, @Nullable String reason, Instant createdAt) {

    /** The same row with the head's name and phone as read through the cipher. */
    ReportRow withHead(@Nullable String name, @Nullable String phone) {
        return new ReportRow(rowNumber, estate, building, unit, room, name, phone, outcome, reason, createdAt);
    }

    Keyset position() {
        return new Keyset(createdAt, rowNumber);
    }
}
