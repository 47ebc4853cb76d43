package cn.linli.platform.timer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With the database unreachable a poll makes one attempt and fails, instead of trying its whole batch. */
class TimersOutageTest {

    @Test
    void aPollAgainstADownDatabaseTriesOnceAndReportsTheFailure() {
        AtomicInteger attempts = new AtomicInteger();
        ConnectionFactory down = new ConnectionFactory() {
            @Override
            public Publisher<? extends Connection> create() {
                return Mono.defer(() -> {
                    attempts.incrementAndGet();
                    return Mono.error(new R2dbcNonTransientResourceException("Connection refused"));
                });
            }

            @Override
            public ConnectionFactoryMetadata getMetadata() {
                return () -> "PostgreSQL";
            }
        };
        Timers timers = new Timers(DatabaseClient.create(down),
                TransactionalOperator.create(new R2dbcTransactionManager(down)),
                new StaticListableBeanFactory().getBeanProvider(TimerHandler.class),
                new TimerProperties(Duration.ofSeconds(1), 100, true));

        assertThatThrownBy(() -> timers.runDue().block(Duration.ofSeconds(10))).hasStackTraceContaining("Connection refused");
        assertThat(attempts).as("connection attempts for one poll of a batch of 100").hasValue(1);
    }
}
