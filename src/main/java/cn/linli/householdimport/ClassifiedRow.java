package cn.linli.householdimport;

import org.jspecify.annotations.Nullable;

/** A row with its outcome; {@code reason} (Chinese) only for INVALID. Stored as one household_import_row. */
record ClassifiedRow(int rowNumber, String estate, String building, String unit, String room,
                     @Nullable String headName, @Nullable String headPhone, ImportOutcome outcome,
                     @Nullable String reason) {

    /** The same row with the head's name and phone as read through (or written for) the cipher. */
    ClassifiedRow withHead(@Nullable String name, @Nullable String phone) {
        return new ClassifiedRow(rowNumber, estate, building, unit, room, name, phone, outcome, reason);
    }

    static ClassifiedRow of(SheetRow row, ImportOutcome outcome, @Nullable String reason) {
        return new ClassifiedRow(row.rowNumber(), row.estate(), row.building(), row.unit(), row.room(), row.headName(),
                row.headPhone(), outcome, reason);
    }

    ClassifiedRow with(ImportOutcome newOutcome, @Nullable String newReason) {
        return new ClassifiedRow(rowNumber, estate, building, unit, room, headName, headPhone, newOutcome, newReason);
    }
}
