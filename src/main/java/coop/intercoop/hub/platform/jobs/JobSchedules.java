package coop.intercoop.hub.platform.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.TransactionSynchronizationRegistry;

import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.Jdbc;

/**
 * The {@code job_schedule} table: one schedule per organisation and kind of job, saved by a person whom each run acts
 * as. A component saves, reads and deletes its organisation's schedules here, naming the organisation; only the
 * {@link JobScheduler} reads the schedules of every organisation, to find those due. Joins the caller's transaction.
 */
@Dependent
public class JobSchedules {

    private static final String SELECT = "SELECT org_id, kind, every_minutes, next_at, owner_id, language, last_job,"
            + " last_fired_at, suspended, version FROM job_schedule ";

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry registry;

    @Inject
    JobScheduler scheduler;

    /**
     * Saves the organisation's schedule of {@code kind}: runs every {@code every}, the first at once, as
     * {@code ownerId} in {@code language}; a suspended schedule runs again. Once the caller's transaction commits, the
     * scheduler looks at once rather than at its next look.
     *
     * @param version
     *            the version read, once the schedule exists
     *
     * @throws OptimisticLockException
     *             when the schedule was saved by someone else since {@code version} was read, or exists and no version
     *             is given
     */
    public Schedule save(long orgId, String kind, long ownerId, Duration every, Locale language,
            Optional<Integer> version) {
        Optional<Schedule> stored = find(orgId, kind, true);
        if (stored.isPresent() && (version.isEmpty() || version.get() != stored.get().version())) {
            throw new OptimisticLockException("The schedule was changed since it was read");
        }
        Timestamp now = Timestamp.from(Instant.now());
        if (stored.isEmpty()) {
            update("INSERT INTO job_schedule (org_id, kind, every_minutes, next_at, owner_id, language)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", orgId, kind, (int) every.toMinutes(), now, ownerId,
                    language.toLanguageTag());
        } else {
            update("UPDATE job_schedule SET every_minutes = ?, next_at = ?, owner_id = ?, language = ?,"
                    + " suspended = NULL, version = version + 1 WHERE org_id = ? AND kind = ?", (int) every.toMinutes(),
                    now, ownerId, language.toLanguageTag(), orgId, kind);
        }
        AfterCommit.run(registry, scheduler::wake);
        return find(orgId, kind, false).orElseThrow();
    }

    /** The organisation's schedule of {@code kind}, if it has one. */
    public Optional<Schedule> find(long orgId, String kind) {
        return find(orgId, kind, false);
    }

    /** Deletes the organisation's schedule of {@code kind}; false when it had none. */
    public boolean delete(long orgId, String kind) {
        return update("DELETE FROM job_schedule WHERE org_id = ? AND kind = ?", orgId, kind) == 1;
    }

    /** The schedules of every organisation due at {@code now} and not suspended, the longest due first. */
    List<Schedule> due(Instant now) {
        return read(SELECT + "WHERE next_at <= ? AND suspended IS NULL ORDER BY next_at LIMIT 100",
                Timestamp.from(now));
    }

    /**
     * Moves a due schedule on to {@code next}, unless another node did or someone saved it meanwhile: true when this
     * node is to queue its run.
     */
    boolean claim(Schedule schedule, Instant next) {
        return update(
                "UPDATE job_schedule SET next_at = ? WHERE org_id = ? AND kind = ? AND next_at = ?"
                        + " AND version = ? AND suspended IS NULL",
                Timestamp.from(next), schedule.orgId(), schedule.kind(), Timestamp.from(schedule.nextAt()),
                schedule.version()) == 1;
    }

    /** Whether the job the schedule's last run queued is still queued or running. */
    boolean lastStillRuns(Schedule schedule) {
        return schedule.lastJob().isPresent()
                && !read("SELECT 1 FROM job WHERE org_id = ? AND id = ?" + " AND status IN ('QUEUED', 'RUNNING')",
                        r -> 1, schedule.orgId(), schedule.lastJob().get()).isEmpty();
    }

    /** Records the job a run queued, unless the schedule was saved again meanwhile. */
    void ran(Schedule schedule, long job, Instant at) {
        update("UPDATE job_schedule SET last_job = ?, last_fired_at = ? WHERE org_id = ? AND kind = ? AND version = ?",
                job, Timestamp.from(at), schedule.orgId(), schedule.kind(), schedule.version());
    }

    /** Stops the schedule's runs, saying why, unless it was saved again meanwhile. */
    void suspend(Schedule schedule, String why) {
        update("UPDATE job_schedule SET suspended = ? WHERE org_id = ? AND kind = ? AND version = ?",
                why.length() > 2000 ? why.substring(0, 1999) + "…" : why, schedule.orgId(), schedule.kind(),
                schedule.version());
    }

    private Optional<Schedule> find(long orgId, String kind, boolean forUpdate) {
        return read(SELECT + "WHERE org_id = ? AND kind = ?" + (forUpdate ? " FOR UPDATE" : ""), orgId, kind).stream()
                .findFirst();
    }

    private List<Schedule> read(String sql, Object... parameters) {
        return read(sql, JobSchedules::schedule, parameters);
    }

    private static Schedule schedule(ResultSet r) throws SQLException {
        long lastJob = r.getLong(7);
        Optional<Long> last = r.wasNull() ? Optional.empty() : Optional.of(lastJob);
        Timestamp lastRun = r.getTimestamp(8);
        return new Schedule(r.getLong(1), r.getString(2), Duration.ofMinutes(r.getInt(3)),
                r.getTimestamp(4).toInstant(), r.getLong(5), Locale.forLanguageTag(r.getString(6)), last,
                Optional.ofNullable(lastRun).map(Timestamp::toInstant), Optional.ofNullable(r.getString(9)),
                r.getInt(10));
    }

    private <T> List<T> read(String sql, Jdbc.Row<T> row, Object... parameters) {
        try {
            return Jdbc.query(dataSource, sql, row, parameters);
        } catch (SQLException e) {
            throw new JobQueue.StoreFailure(e);
        }
    }

    private int update(String sql, Object... parameters) {
        try {
            return Jdbc.update(dataSource, sql, parameters);
        } catch (SQLException e) {
            throw new JobQueue.StoreFailure(e);
        }
    }
}
