package cn.linli.timebank;

/** What a reward is ({@code reward.kind}). */
public enum RewardKind {
    /** 换服务 */
    SERVICE,
    /** 换商品 */
    GOODS,
    /** 换折扣 */
    DISCOUNT,
    /** 换市场: a voucher for the community market. */
    MARKET_VOUCHER
}
