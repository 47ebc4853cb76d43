package cn.linli.platform.error;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that went away is one DEBUG line, not an ERROR per pending field: which failures count as that. */
class DisconnectsTest {

    @Test
    void cancellationsAndClosedConnectionsAreDisconnects() {
        assertThat(Disconnects.isDisconnect(new CancellationException())).isTrue();
        assertThat(Disconnects.isDisconnect(new AbortedException("Connection has been closed BEFORE send operation"))).isTrue();
        assertThat(Disconnects.isDisconnect(PrematureCloseException.TEST_EXCEPTION)).isTrue();
        assertThat(Disconnects.isDisconnect(new ClosedChannelException())).isTrue();
        assertThat(Disconnects.isDisconnect(new IOException("Connection reset by peer"))).isTrue();
        assertThat(Disconnects.isDisconnect(new IllegalStateException("Connection has been closed"))).isTrue();
    }

    @Test
    void anExecutionCancelledBecauseTheClientLeftIsOne() {
        assertThat(Disconnects.isDisconnect(new graphql.execution.AbortExecutionException(
                "Execution has been asked to be cancelled"))).isTrue();
        assertThat(Disconnects.isDisconnect(new graphql.execution.AbortExecutionException("查询过于复杂")))
                .as("a query refused by the limits is not a disconnect").isFalse();
    }

    @Test
    void aDisconnectWrappedInAnotherFailureIsStillOne() {
        assertThat(Disconnects.isDisconnect(new RuntimeException("fetch failed", new CancellationException()))).isTrue();
        assertThat(Disconnects.isDisconnect(new java.util.concurrent.CompletionException(new AbortedException("gone")))).isTrue();
    }

    @Test
    void realFailuresAreNot() {
        assertThat(Disconnects.isDisconnect(null)).isFalse();
        assertThat(Disconnects.isDisconnect(new NullPointerException())).isFalse();
        assertThat(Disconnects.isDisconnect(new IllegalStateException("duplicate key value violates unique constraint"))).isFalse();
        assertThat(Disconnects.isDisconnect(new IOException("Connection refused"))).as("the database being down is an error")
                .isFalse();
        assertThat(Disconnects.isDisconnect(LinliException.internal(new RuntimeException("boom")))).isFalse();
    }

    @Test
    void ourOwnDatabaseOrRedisConnectionClosingIsAnOutageNotADisconnect() {
        assertThat(Disconnects.isDisconnect(new org.springframework.dao.DataAccessResourceFailureException("db",
                new IOException("Connection reset by peer")))).isFalse();
        assertThat(Disconnects.isDisconnect(new io.r2dbc.spi.R2dbcNonTransientResourceException("Connection has been closed")))
                .isFalse();
        assertThat(Disconnects.isDisconnect(new io.lettuce.core.RedisConnectionException("redis",
                new AbortedException("Connection has been closed")))).isFalse();
    }
}
