package cn.linli.privacy;

/** What someone read about a person (schema {@code DataAccessKind}). */
public enum DataAccessKind {
    /** An order's contact phone in full. */
    ORDER_CONTACT_PHONE,
    /** A verification request's real name, phone and proof photo. */
    VERIFICATION_DETAILS
}
