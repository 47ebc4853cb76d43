package cn.linli.festival;

/** Where a campaign is in its life (GraphQL {@code CampaignStatus}); {@link CampaignLifecycle} says how it moves. */
public enum CampaignStatus {
    /** Being prepared by staff; not visible to residents. */
    DRAFT,
    /** Taking pledges until the deadline. */
    OPEN,
    /** Reached its money goal at the deadline. */
    FUNDED,
    /** Missed its money goal at the deadline. */
    FAILED,
    /** Settled and closed by staff. */
    CLOSED
}
