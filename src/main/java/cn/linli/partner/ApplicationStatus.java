package cn.linli.partner;

/** One community's answer to a partner application ({@code partner_application_community.status}). */
enum ApplicationStatus {
    /** Waiting for the community's staff. */
    PENDING,
    /** Approved with a contract. */
    APPROVED,
    /** Rejected with a reason. */
    REJECTED,
    /** The applicant withdrew the application before anyone decided. */
    WITHDRAWN
}
