package coop.intercoop.hub.platform.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;

import coop.intercoop.hub.platform.Database;

/**
 * The {@code job} table: every background job of every kind, the one row that hub nodes claim with a conditional update
 * (so two nodes never run one job), with its claim, heartbeat, attempts, progress and status. What a job is about lives
 * in its component's table, keyed by the same id. Joins the caller's transaction where there is one; outside one, each
 * statement commits on its own. Only the runner reads jobs by id alone; a component reads its jobs by organisation.
 */
@Dependent
public class JobQueue {

    private static final String QUEUED = "SELECT id, org_id, kind, created_by, attempts FROM job ";

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    /** Stores a queued job; answers its id, which the component's row of the job takes too. */
    long insert(String kind, long orgId, long ownerId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c
                        .prepareStatement("INSERT INTO job (org_id, kind, status, created_by, created_at) "
                                + "VALUES (?, ?, 'QUEUED', ?, ?)", new String[] { "id" })) {
            s.setLong(1, orgId);
            s.setString(2, kind);
            s.setLong(3, ownerId);
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
    }

    /**
     * Claims the oldest queued job for {@code node}: the update succeeds only while the job is still queued, so of two
     * nodes reaching for one job, one gets it and the other tries the next. Empty when none is left to claim.
     */
    Optional<Claim.Queued> claimNext(String node) {
        try (Connection c = dataSource.getConnection()) {
            List<Long> queued = new ArrayList<>();
            try (PreparedStatement s = c
                    .prepareStatement("SELECT id FROM job WHERE status = 'QUEUED' ORDER BY id LIMIT 10");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    queued.add(r.getLong(1));
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE job SET status = 'RUNNING', claimed_by = ?, "
                    + "heartbeat_at = UTC_TIMESTAMP(6), started_at = COALESCE(started_at, ?), "
                    + "attempts = attempts + 1, progress_total = NULL, progress_done = 0 "
                    + "WHERE id = ? AND status = 'QUEUED'")) {
                for (long id : queued) {
                    s.setString(1, node);
                    s.setTimestamp(2, Timestamp.from(Instant.now()));
                    s.setLong(3, id);
                    if (s.executeUpdate() == 1) {
                        return read(c, QUEUED + "WHERE id = ?", id).stream().findFirst();
                    }
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
    }

    /** Records a running job's progress and that its node is alive; false when the claim was lost. */
    boolean heartbeat(Claim claim) {
        return update(
                "UPDATE job SET heartbeat_at = UTC_TIMESTAMP(6), progress_total = ?, progress_done = ? "
                        + "WHERE id = ? AND claimed_by = ? AND status = 'RUNNING'",
                claim.progress().totalOrNull(), claim.progress().done.get(), claim.id(), claim.node()) == 1;
    }

    /** The running jobs whose node has not been heard of for {@code staleSeconds}: their node is gone. */
    List<Claim.Queued> stale(int staleSeconds) {
        try (Connection c = dataSource.getConnection()) {
            return read(c, QUEUED + "WHERE status = 'RUNNING' AND heartbeat_at < UTC_TIMESTAMP(6) - INTERVAL ? SECOND",
                    staleSeconds);
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
    }

    /** Puts a job of {@code attempts} runs back in the queue, unless someone else did already. */
    boolean requeue(long id, int attempts) {
        return update("UPDATE job SET status = 'QUEUED', claimed_by = NULL WHERE id = ? AND attempts = ? "
                + "AND status = 'RUNNING'", id, attempts) == 1;
    }

    /** Ends a claimed job with its final progress; false when the claim was lost. */
    public boolean finish(Claim claim, JobStatus status) {
        return update(
                "UPDATE job SET status = ?, finished_at = ?, progress_total = ?, progress_done = ?, heartbeat_at = NULL "
                        + "WHERE id = ? AND claimed_by = ? AND status = 'RUNNING'",
                status.name(), Timestamp.from(Instant.now()), claim.progress().totalOrNull(),
                claim.progress().done.get(), claim.id(), claim.node()) == 1;
    }

    /** Ends as failed a job nobody runs any more (interrupted too often); false when someone else did already. */
    boolean abandon(long id, int attempts) {
        return update(
                "UPDATE job SET status = 'FAILED', finished_at = ?, heartbeat_at = NULL "
                        + "WHERE id = ? AND attempts = ? AND status = 'RUNNING'",
                Timestamp.from(Instant.now()), id, attempts) == 1;
    }

    private static List<Claim.Queued> read(Connection c, String sql, Object... parameters) throws SQLException {
        List<Claim.Queued> jobs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    jobs.add(new Claim.Queued(r.getLong(1), r.getLong(2), r.getString(3), r.getLong(4), r.getInt(5)));
                }
            }
        }
        return jobs;
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    s.setNull(i + 1, Types.BIGINT);
                } else {
                    s.setObject(i + 1, parameters[i]);
                }
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
    }

    /**
     * The database failed while storing or reading a job; {@link coop.intercoop.hub.platform.DatabaseFailure#of} reads
     * its cause.
     */
    public static class StoreFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoreFailure(SQLException cause) {
            super("The jobs could not be read or written: " + cause.getMessage(), cause);
        }
    }
}
