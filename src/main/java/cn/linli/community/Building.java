package cn.linli.community;

/** 楼栋. */
public record Building(long id, long estateId, long communityId, String name) {
}
