package cn.linli.community;

/** 小区/院落. */
public record Estate(long id, long communityId, String name) {
}
