package cn.linli.ballot;

/** What a ballot is about, in another feature (no foreign key: the subject lives there). */
public enum BallotSubjectKind {
    /** the community's needs list (需求清单) */
    NEED_LIST,
    /** a project (项目清单) */
    PROJECT
}
