package cn.linli.platform.db;

import java.time.Duration;

import io.r2dbc.spi.R2dbcException;
import org.springframework.dao.ConcurrencyFailureException;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * Retries a whole transaction that PostgreSQL aborted to break a deadlock (40P01) or a serialization conflict
 * (40001). Two transactions that touch the same rows in different orders (e.g. two re-dispatches moving capacity
 * between the same two partners) may deadlock; one of them is rolled back entirely, so running it again is safe.
 */
public final class TransactionRetry {

    public static RetryBackoffSpec onConflict() {
        return Retry.backoff(5, Duration.ofMillis(20))
                .jitter(0.5)
                .filter(TransactionRetry::isConflict)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    static boolean isConflict(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyFailureException) {
                return true;
            }
            if (cause instanceof R2dbcException r2dbc
                    && ("40P01".equals(r2dbc.getSqlState()) || "40001".equals(r2dbc.getSqlState()))) {
                return true;
            }
        }
        return false;
    }

    private TransactionRetry() {
    }
}
