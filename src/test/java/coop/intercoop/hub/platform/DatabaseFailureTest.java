package coop.intercoop.hub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;

import jakarta.persistence.PersistenceException;

import org.eclipse.persistence.exceptions.DatabaseException;
import org.junit.jupiter.api.Test;

/** MariaDB's failures as Connector/J reports them, wrapped as the transaction and EclipseLink wrap them. */
class DatabaseFailureTest {

    @Test
    void aDeadlockIsRetriedByItsErrorCodeOrItsState() {
        assertEquals(DatabaseFailure.DEADLOCK,
                DatabaseFailure.of(new SQLTransactionRollbackException(
                        "(conn=12) Deadlock found when trying to get lock; try restarting transaction", "40001",
                        1213)));
        assertEquals(DatabaseFailure.DEADLOCK,
                DatabaseFailure.of(new SQLException("Deadlock found when trying to get lock", "HY000", 1213)));
        assertEquals(DatabaseFailure.DEADLOCK, DatabaseFailure.of(new SQLException("serialization failure", "40001")));
        assertTrue(DatabaseFailure.DEADLOCK.retry);
    }

    @Test
    void aLockWaitTimeoutIsRetried() {
        DatabaseFailure failure = DatabaseFailure.of(new RuntimeException(
                new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205)));
        assertEquals(DatabaseFailure.LOCK_WAIT_TIMEOUT, failure);
        assertTrue(failure.retry);
    }

    @Test
    void aLostConnectionIsRetriedWhateverTheDriverCallsIt() {
        assertEquals(DatabaseFailure.LOST, DatabaseFailure
                .of(new IllegalStateException(new SQLNonTransientConnectionException("socket closed", "08000"))));
        assertEquals(DatabaseFailure.LOST,
                DatabaseFailure.of(new SQLException("Communications link failure", "08S01")));
        assertEquals(DatabaseFailure.LOST,
                DatabaseFailure.of(new SQLException("Connection was killed", "70100", 1927)));
        assertTrue(DatabaseFailure.LOST.retry);
    }

    @Test
    void aFailureInsideEclipseLinksExceptionIsFound() {
        DatabaseException wrapped = DatabaseException
                .sqlException(new SQLTransactionRollbackException("Deadlock found", "40001", 1213), false);
        assertEquals(DatabaseFailure.DEADLOCK, DatabaseFailure.of(new PersistenceException(wrapped)));
    }

    @Test
    void aChainedNextExceptionIsFound() {
        SQLException batch = new SQLException("Batch entry 3 failed", "HY000", 0);
        batch.setNextException(new SQLException("Lock wait timeout exceeded", "HY000", 1205));
        assertEquals(DatabaseFailure.LOCK_WAIT_TIMEOUT, DatabaseFailure.of(batch));
    }

    @Test
    void aConstraintABugOrNothingIsNotRetried() {
        assertEquals(DatabaseFailure.OTHER,
                DatabaseFailure.of(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)));
        assertEquals(DatabaseFailure.OTHER, DatabaseFailure.of(new IllegalStateException("a bug")));
        assertEquals(DatabaseFailure.OTHER, DatabaseFailure.of(null));
        assertFalse(DatabaseFailure.OTHER.retry);
    }
}
