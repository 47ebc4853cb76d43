package cn.linli.festival;

/** What happens to money when the goal is missed (GraphQL {@code FundingRule}). */
public enum FundingRule {
    /** Below the goal at the deadline: every payment is refunded and item pledges are released. */
    ALL_OR_NOTHING,
    /** The campaign keeps whatever it raised. */
    KEEP_WHAT_YOU_RAISE;

    /** Whether a campaign that missed its goal gives back what it was given. */
    boolean givesBackOnFailure() {
        return this == ALL_OR_NOTHING;
    }
}
