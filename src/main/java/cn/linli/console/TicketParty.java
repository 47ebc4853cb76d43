package cn.linli.console;

/** Who acts on a ticket. */
enum TicketParty {
    /** A logged-in staff account (community staff, street staff or administrator) in the mini-program. */
    STAFF,
    /** The browser that created the ticket, proving it with the poll token. */
    CONSOLE
}
