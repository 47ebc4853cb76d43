package cn.linli.platform.error;

import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CancellationException;

import org.jspecify.annotations.Nullable;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Failures that only mean the other side went away: the client disconnected mid-request (its pending fields are
 * cancelled, writes find the connection closed) or a connection closed under us. Nothing to fix and nobody to
 * answer, so they are logged once at DEBUG, not as an ERROR with a stack trace per pending field (issue 16, item 13).
 */
public final class Disconnects {

    private static final int MAX_DEPTH = 10;

    /**
     * What graphql-java throws into every pending field once Spring for GraphQL cancels the execution because the
     * client went away (ExecutionInput.cancel()). Only this exact class and message: query limits also abort, with
     * a subclass and a message of their own, and stay refusals.
     */
    static final String CANCELLED_EXECUTION = "Execution has been asked to be cancelled";

    /**
     * True if {@code ex} or one of its causes is a cancellation or a closed connection — unless the chain shows it was
     * a connection of ours to PostgreSQL or Redis that closed: that is an outage, and stays an error.
     */
    public static boolean isDisconnect(@Nullable Throwable ex) {
        return clientWentAway(ex) && !fromOurBackends(ex);
    }

    private static boolean fromOurBackends(@Nullable Throwable ex) {
        Throwable cause = ex;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof io.r2dbc.spi.R2dbcException || cause instanceof org.springframework.dao.DataAccessException
                    || cause instanceof io.lettuce.core.RedisException) {
                return true;
            }
        }
        return false;
    }

    private static boolean clientWentAway(@Nullable Throwable ex) {
        Throwable cause = ex;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof CancellationException || cause instanceof AbortedException
                    || cause instanceof PrematureCloseException || cause instanceof ClosedChannelException
                    || closedMessage(cause.getMessage()) || cancelledExecution(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean cancelledExecution(Throwable cause) {
        return cause.getClass() == graphql.execution.AbortExecutionException.class
                && CANCELLED_EXECUTION.equals(cause.getMessage());
    }

    private static boolean closedMessage(@Nullable String message) {
        return message != null && (message.contains("Connection has been closed")
                || message.contains("Connection reset by peer") || message.contains("Broken pipe"));
    }

    private Disconnects() {
    }
}
