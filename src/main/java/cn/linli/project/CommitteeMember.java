package cn.linli.project;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A member of a community's supervision committee (监督委员会): a resident, shown by nickname. */
record CommitteeMember(long communityId, long accountId, @Nullable String nickname, Instant appointedAt) {
}
