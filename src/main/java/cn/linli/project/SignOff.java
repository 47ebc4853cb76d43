package cn.linli.project;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One committee member's sign-off of a project. */
record SignOff(long projectId, long accountId, @Nullable String nickname, @Nullable String note, Instant createdAt) {
}
