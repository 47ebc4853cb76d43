package cn.linli.community;

import org.jspecify.annotations.Nullable;

/** 街道工作人员: an account that oversees every community of one street. */
public record StreetStaffMember(long id, long streetId, @Nullable String nickname, String title) {
}
