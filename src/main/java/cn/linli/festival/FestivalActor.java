package cn.linli.festival;

/** Who moves a campaign or a pledge: the lifecycles say which of them may make each transition. */
enum FestivalActor {
    /** A resident (or a merchant's account) pledging. */
    PLEDGER,
    /** A staff member of the campaign's community (or an admin). */
    STAFF,
    /** The campaign's deadline timer. */
    DEADLINE,
    /** WeChat Pay: its signed notifications and what reconciliation learns by querying it. */
    WECHAT_PAY
}
