package cn.linli.festival;

/** What a pledge gives: money through WeChat Pay, items, volunteer time, or money recorded offline by staff. */
enum PledgeKind {
    MONEY,
    ITEM,
    TIME,
    OFFLINE
}
