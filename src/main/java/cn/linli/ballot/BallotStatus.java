package cn.linli.ballot;

/** Where a ballot stands; the schema's {@code BallotStatus}. */
enum BallotStatus {
    DRAFT("草稿"), SCHEDULED("待开始"), OPEN("投票中"), CLOSED("已结束"), CANCELLED("已取消");

    private final String displayName;

    BallotStatus(String displayName) {
        this.displayName = displayName;
    }

    String displayName() {
        return displayName;
    }
}
