package cn.linli.console;

/** What can happen to a console login ticket. */
enum TicketAction {
    /** A staff member confirms the scanned code in the mini-program. */
    CONFIRM,
    /** The console that created the ticket takes the session the confirmation opened. */
    CLAIM
}
