package cn.linli.ballot;

/** 一户三票: what a ballot asks. */
enum BallotKind {
    /** 问需求: rank or pick among needs. */
    NEEDS,
    /** 问项目: approve a project or choose among options. */
    PROJECT,
    /** 问效果: 满意 / 基本满意 / 不满意 after completion. */
    SATISFACTION
}
