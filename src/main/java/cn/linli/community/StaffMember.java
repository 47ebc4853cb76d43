package cn.linli.community;

import org.jspecify.annotations.Nullable;

/** 社区工作者: an account with staff rights in one community. */
public record StaffMember(long id, long communityId, @Nullable String nickname, String title) {
}
