package cn.linli.timebank;

/**
 * The kinds of ledger account the schema declares ({@code timebank_account.kind}). People and partner organisations
 * have one account each; every community has one system account of each other kind, created on first use.
 */
enum AccountKind {
    /** A resident or partner member. */
    PERSON,
    /** A partner organisation, settled here when it verifies vouchers. */
    PARTNER,
    /** Where a community's earned points come from; the only account that goes negative (by what it issued). */
    ISSUANCE,
    /** Spent points wait here until the voucher is used, cancelled or expires. */
    REDEMPTION,
    /** Donations, storage-cap overflow and expired points. */
    POOL,
    /** Points held for points-priced orders. */
    ESCROW;

    /** Only the issuance account may go below zero; the database checks the same. */
    boolean mayGoNegative() {
        return this == ISSUANCE;
    }

    /** Per-community accounts (the others belong to a person or a partner). */
    boolean isCommunityAccount() {
        return this != PERSON && this != PARTNER;
    }
}
