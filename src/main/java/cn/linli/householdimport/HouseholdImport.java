package cn.linli.householdimport;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A stored import (household_import row): what the file held and what committing it does or did. */
record HouseholdImport(long id, long communityId, long uploadedBy, @Nullable String fileName, SheetFormat format,
                       ImportStatus status, int rowCount, int newCount, int alreadyThereCount, int invalidCount,
                       Instant createdAt, @Nullable Long committedBy, @Nullable Instant committedAt) {
}
