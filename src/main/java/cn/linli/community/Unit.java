package cn.linli.community;

/** 单元. */
public record Unit(long id, long buildingId, long communityId, String name) {
}
