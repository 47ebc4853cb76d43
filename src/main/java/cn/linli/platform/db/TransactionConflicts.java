package cn.linli.platform.db;

import java.lang.reflect.Method;
import java.time.Duration;

import io.r2dbc.spi.R2dbcException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.resilience.retry.MethodRetryPredicate;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * The one retry policy for transactions: PostgreSQL aborted the whole transaction to break a deadlock (40P01) or a
 * serialization conflict (40001), so running it again from the start is safe. Every write-flow service carries
 * <pre>{@code @Retryable(predicate = TransactionConflicts.class, maxRetries = 5, delay = 20, jitter = 10, multiplier = 2)}</pre>
 * on its type, beside {@code @Transactional} on its methods; Spring applies the retry outside the transaction, so each
 * attempt is a fresh transaction. Business errors are never retried.
 */
public final class TransactionConflicts implements MethodRetryPredicate {

    /**
     * The same policy for the one transaction that is run programmatically (the timer poller claims, fires and records
     * failures around its transaction): as many attempts and the same back-off as the annotation above.
     */
    public static RetryBackoffSpec retrySpec() {
        return Retry.backoff(5, Duration.ofMillis(20))
                .jitter(0.5)
                .filter(TransactionConflicts::isConflict)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    @Override
    public boolean shouldRetry(Method method, Throwable failure) {
        return isConflict(failure);
    }

    public static boolean isConflict(Throwable error) {
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
}
