package cn.linli.household;

/**
 * What a person is with respect to one verification request. A person may be several at once (staff applying to join
 * their own parents' household): {@link VerificationLifecycle} looks at the whole set.
 */
enum VerificationParty {
    /** The person who asked. */
    APPLICANT,
    /** The current head (户主) of the household asked about. */
    HEAD,
    /** Staff of the household's community, or an administrator. */
    STAFF
}
