package coop.intercoop.hub.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * What a failure says about the database, found anywhere among its causes (wrapped by EclipseLink, the transaction or
 * the job): whether running the work again, in a new transaction, can succeed. DESIGN rule 3: a retry happens outside
 * the transaction that failed, never inside it; for a job that is the runner queueing it again, or the job itself
 * choosing another way (an import falls back to two passes after a deadlock).
 */
public enum DatabaseFailure {

    /**
     * The database chose the transaction as a deadlock's victim (MariaDB error 1213, SQLSTATE 40001) and rolled it back
     * whole; the other transaction goes on, and the same work run again usually passes. Retry.
     */
    DEADLOCK(true),
    /**
     * A lock was waited for longer than {@code innodb_lock_wait_timeout} (1205): another transaction holds it for long
     * (an import writing into the same books). The statement was rolled back, and the transaction is abandoned rather
     * than left half done; the work is worth running again later. Retry.
     */
    LOCK_WAIT_TIMEOUT(true),
    /**
     * The connection is gone (SQLSTATE class 08, a connection the driver reports broken or killed, error 1927): the
     * database restarted or the network dropped, and nothing uncommitted survived. Retry once the database answers.
     */
    LOST(true),
    /** Anything else: a refusal, a bug, a constraint; running the work again would fail the same way. Fail. */
    OTHER(false);

    static final int DEADLOCK_FOUND = 1213;
    static final int LOCK_WAIT_TIMEOUT_EXCEEDED = 1205;
    static final int CONNECTION_KILLED = 1927;

    /** Whether running the work again in a new transaction may succeed. */
    public final boolean retry;

    DatabaseFailure(boolean retry) {
        this.retry = retry;
    }

    /** The first of the failure's causes the database explains, or {@link #OTHER}. */
    public static DatabaseFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = DatabaseRefusals.next(t)) {
            for (SQLException e = t instanceof SQLException sql ? sql : null; e != null; e = e.getNextException()) {
                DatabaseFailure found = ofOne(e);
                if (found != OTHER) {
                    return found;
                }
            }
        }
        return OTHER;
    }

    private static DatabaseFailure ofOne(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException || state.startsWith("08")
                || e.getErrorCode() == CONNECTION_KILLED) {
            return LOST;
        }
        if (e.getErrorCode() == DEADLOCK_FOUND || state.equals("40001")) {
            return DEADLOCK;
        }
        if (e.getErrorCode() == LOCK_WAIT_TIMEOUT_EXCEEDED) {
            return LOCK_WAIT_TIMEOUT;
        }
        return OTHER;
    }
}
