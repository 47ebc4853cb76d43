package cn.linli.partner;

/** An invitation to join a partner ({@code partner_invitation.status}). */
enum InvitationStatus {
    /** Waiting for the invited person. */
    PENDING,
    /** The person joined. */
    ACCEPTED,
    /** The person said no. */
    DECLINED
}
