package cn.linli.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A step of a project: due on a date, then reported done with a note and photos (ids never leave the server). */
record Milestone(long id, long projectId, int position, String title, LocalDate dueOn, @Nullable Instant doneAt,
                 @Nullable String note, List<Long> photoIds) {

    boolean done() {
        return doneAt != null;
    }
}
