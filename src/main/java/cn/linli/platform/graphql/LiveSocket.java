package cn.linli.platform.graphql;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.server.WebSocketSessionInfo;
import reactor.core.Disposable;

/**
 * What this instance knows about one open WebSocket connection: whose it is, the subscriptions it holds (each a
 * {@link Ticket} counted against the connection and the account) and the watch that closes it when its session ends.
 */
final class LiveSocket {

    private static final String KEY = LiveSocket.class.getName();

    private final @Nullable Long accountId;
    private final Set<Ticket> tickets = ConcurrentHashMap.newKeySet();
    private volatile @Nullable Disposable watch;

    private LiveSocket(@Nullable Long accountId) {
        this.accountId = accountId;
    }

    /** Called once the connection is initialised (authenticated, or anonymous when {@code accountId} is null). */
    static LiveSocket open(WebSocketSessionInfo info, @Nullable Long accountId) {
        LiveSocket socket = new LiveSocket(accountId);
        info.getAttributes().put(KEY, socket);
        return socket;
    }

    /** The connection's state; a connection never initialised (the handler refuses its subscriptions) gets a blank one. */
    static LiveSocket of(WebSocketSessionInfo info) {
        Object socket = info.getAttributes().get(KEY);
        return socket instanceof LiveSocket live ? live : open(info, null);
    }

    void watch(Disposable watch) {
        this.watch = watch;
    }

    /** A ticket for one more subscription, or null when this connection or its account holds the most allowed. */
    @Nullable Ticket admit(SubscriptionCounts accounts, LiveProperties limits) {
        synchronized (tickets) {
            if (tickets.size() >= limits.maxSubscriptionsPerSocket()) {
                return null;
            }
            if (accountId != null && !accounts.tryAcquire(accountId, limits.maxSubscriptionsPerAccount())) {
                return null;
            }
            Ticket ticket = new Ticket(accounts);
            tickets.add(ticket);
            return ticket;
        }
    }

    /** The connection closed: its watch stops and whatever it still held is given back. */
    void closed() {
        Disposable current = watch;
        if (current != null) {
            current.dispose();
        }
        tickets.forEach(Ticket::release);
    }

    /** One admitted subscription; released once, when it completes, fails or is cancelled, or its connection closes. */
    final class Ticket {

        private final SubscriptionCounts accounts;
        private final AtomicBoolean released = new AtomicBoolean();

        private Ticket(SubscriptionCounts accounts) {
            this.accounts = accounts;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                tickets.remove(this);
                if (accountId != null) {
                    accounts.release(accountId);
                }
            }
        }
    }
}
