package cn.linli.ballot;

/** What may happen to a ballot. */
enum BallotAction {
    EDIT, PUBLISH, OPEN, CLOSE, CANCEL
}
