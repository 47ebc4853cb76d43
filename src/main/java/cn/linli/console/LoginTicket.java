package cn.linli.console;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A row of {@code console_login_ticket}; {@code expired} is computed by the database clock. */
record LoginTicket(String id, TicketStatus status, Instant expiresAt, @Nullable Long accountId, boolean expired) {
}
