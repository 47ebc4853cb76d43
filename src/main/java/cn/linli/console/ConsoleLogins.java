package cn.linli.console;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import cn.linli.identity.IdentityService;
import cn.linli.identity.Session;
import cn.linli.platform.db.TransactionConflicts;
import cn.linli.platform.error.LinliException;
import cn.linli.platform.idempotency.IdempotencyKeys;
import cn.linli.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Scan login (扫码登录) of the staff console. The console creates a ticket and shows its mini-program code; a staff
 * member scans it, the mini-program's confirm page calls {@link #confirm}; the console's {@link #poll} then claims a
 * session for that staff member, issued by the identity service like any login, exactly once.
 */
@Service
class ConsoleLogins {

    /** How long a code may be confirmed. */
    static final Duration LIFETIME = Duration.ofMinutes(2);
    /** How long after a confirmation the console may still claim its session. */
    static final Duration CLAIM_WINDOW = Duration.ofMinutes(2);

    /** What the console sees of its new ticket; the poll token is returned here only. */
    record Ticket(String ticketId, String pollToken, String codeImage, Instant expiresAt) {
        @Override
        public String toString() {
            return "Ticket[" + ticketId + ", pollToken=***]";
        }
    }

    /** Schema {@code ConsoleLoginStatus}: the stored states, plus EXPIRED computed from the clock. */
    enum PollStatus { PENDING, CONFIRMED, CLAIMED, EXPIRED }

    record Poll(PollStatus status, @Nullable Session session) {
    }

    private final SecureRandom random = new SecureRandom();
    private final TicketRepository tickets;
    private final ConsoleAccess access;
    private final ConsoleCodes codes;
    private final IdentityService identity;

    ConsoleLogins(TicketRepository tickets, ConsoleAccess access, ConsoleCodes codes, IdentityService identity) {
        this.tickets = tickets;
        this.access = access;
        this.codes = codes;
        this.identity = identity;
    }

    /** The code is made before the insert, so no transaction waits on WeChat. */
    Mono<Ticket> create() {
        String ticketId = randomToken(16);
        String pollToken = randomToken(32);
        return codes.codeImage(ticketId)
                .flatMap(image -> tickets.insert(ticketId, IdempotencyKeys.sha256(pollToken), LIFETIME)
                        .map(expiresAt -> new Ticket(ticketId, pollToken, image, expiresAt)))
                .flatMap(ticket -> tickets.purgeExpired().thenReturn(ticket));
    }

    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Boolean> confirm(Viewer viewer, String ticketId) {
        return access.requireConsoleUser(viewer)
                .then(tickets.confirm(ticketId, viewer.accountId()))
                .switchIfEmpty(Mono.defer(() -> refusedConfirm(ticketId)))
                .thenReturn(true);
    }

    /** Why the conditional update changed nothing: unknown, expired, or already confirmed (by anyone). */
    private Mono<LoginTicket> refusedConfirm(String ticketId) {
        return tickets.find(ticketId)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("二维码")))
                .flatMap(ticket -> {
                    if (ticket.status() == TicketLifecycle.INITIAL && ticket.expired()) {
                        return Mono.error(TicketLifecycle.expired());
                    }
                    TicketLifecycle.check(TicketAction.CONFIRM, ticket.status(), TicketParty.STAFF);
                    return Mono.error(TicketLifecycle.used(ticket.status()));
                });
    }

    /** The claim and the session it opens commit together: a failed session leaves the ticket claimable. */
    @Transactional
    @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)
    public Mono<Poll> poll(String ticketId, String pollToken) {
        String pollHash = IdempotencyKeys.sha256(pollToken);
        return tickets.claim(ticketId, pollHash, CLAIM_WINDOW)
                .flatMap(this::sessionFor)
                .switchIfEmpty(Mono.defer(() -> standing(ticketId, pollHash)));
    }

    private Mono<Poll> sessionFor(LoginTicket claimed) {
        if (claimed.accountId() == null) {
            return Mono.error(LinliException.internal(null));
        }
        return identity.openSession(claimed.accountId()).map(session -> new Poll(PollStatus.CONFIRMED, session));
    }

    private Mono<Poll> standing(String ticketId, String pollHash) {
        return tickets.findForConsole(ticketId, pollHash)
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("二维码")))
                .map(ticket -> new Poll(switch (ticket.status()) {
                    case PENDING -> ticket.expired() ? PollStatus.EXPIRED : PollStatus.PENDING;
                    // confirmed, but not claimed within the window: the session is never handed out
                    case CONFIRMED -> PollStatus.EXPIRED;
                    case CLAIMED -> PollStatus.CLAIMED;
                }, null));
    }

    private String randomToken(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}
