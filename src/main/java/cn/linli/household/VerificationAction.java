package cn.linli.household;

/** What can happen to a verification request; {@link VerificationLifecycle} says from where, by whom and to what. */
enum VerificationAction {
    /** An approver accepts the applicant as a member. */
    APPROVE,
    /** An approver turns the request down, with a reason. */
    REJECT,
    /** The applicant takes the request back. */
    WITHDRAW;

    /** Approving and rejecting decide someone else's request; withdrawing does not. */
    boolean decides() {
        return this != WITHDRAW;
    }
}
