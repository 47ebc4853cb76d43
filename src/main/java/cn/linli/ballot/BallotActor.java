package cn.linli.ballot;

/** Who moves a ballot: its community's staff, or a durable timer (opening and closing on time). */
enum BallotActor {
    STAFF, TIMER
}
