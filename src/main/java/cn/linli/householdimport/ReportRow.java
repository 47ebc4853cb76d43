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

    Keyset position() {
        return new Keyset(createdAt, rowNumber);
    }
}
