package cn.linli.platform.db;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

import cn.linli.platform.error.LinliException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures rerun a whole transaction: deadlocks and serialization conflicts, however wrapped; nothing else. */
class TransactionConflictsTest {

    private final TransactionConflicts conflicts = new TransactionConflicts();

    @Test
    void deadlocksAndSerializationFailuresAreRetried() {
        assertThat(TransactionConflicts.isConflict(new R2dbcTransientResourceException("deadlock", "40P01"))).isTrue();
        assertThat(TransactionConflicts.isConflict(new R2dbcTransientResourceException("serialize", "40001"))).isTrue();
        assertThat(TransactionConflicts.isConflict(new CannotAcquireLockException("translated by Spring"))).isTrue();
        assertThat(TransactionConflicts.isConflict(new IllegalStateException("wrapped",
                new R2dbcTransientResourceException("deadlock", "40P01")))).isTrue();
    }

    @Test
    void businessErrorsAndOtherDatabaseErrorsAreNot() throws NoSuchMethodException {
        assertThat(TransactionConflicts.isConflict(LinliException.forbidden())).isFalse();
        assertThat(TransactionConflicts.isConflict(new R2dbcDataIntegrityViolationException("unique", "23505"))).isFalse();
        assertThat(TransactionConflicts.isConflict(new DataIntegrityViolationException("check"))).isFalse();
        assertThat(TransactionConflicts.isConflict(new R2dbcTransientResourceException("aborted", "25P02"))).isFalse();
        assertThat(conflicts.shouldRetry(Object.class.getMethod("toString"), LinliException.forbidden())).isFalse();
    }
}
