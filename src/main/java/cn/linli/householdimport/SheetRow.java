package cn.linli.householdimport;

import org.jspecify.annotations.Nullable;

/**
 * One data row of the file as read: cells normalised ({@link CellRules#normalize}), "" where empty; the optional
 * columns null where absent or empty. {@code rowNumber} is the row as the spreadsheet program shows it (header = 1).
 */
record SheetRow(int rowNumber, String estate, String building, String unit, String room,
                @Nullable String headName, @Nullable String headPhone) {

    /** The same row with the head's name and phone as read through the cipher. */
    SheetRow withHead(@Nullable String name, @Nullable String phone) {
        return new SheetRow(rowNumber, estate, building, unit, room, name, phone);
    }
}
