package coop.intercoop.hub.spreadsheet.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;

import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.spreadsheet.entity.ImportJob;
import coop.intercoop.hub.spreadsheet.entity.ImportMode;
import coop.intercoop.hub.platform.jobs.JobStatus;

/**
 * The import jobs as stored: what each one imports (the kind, mode and workbook: its name, size and SHA-256), its
 * counts and outcome, the organisations it wrote into and the files they count as imported. Its claim, heartbeat,
 * attempts, progress and status are the platform's {@code job} row of the same id
 * ({@link coop.intercoop.hub.platform.jobs.JobQueue}), which every read joins; the file is in {@link ImportFiles}, the
 * problems in {@link ImportProblems}. Every statement that reads a job for a person names the organisation (DESIGN rule
 * 1); only the job's own run reads it by id alone. Joins the caller's transaction where there is one; outside one, each
 * statement commits on its own.
 */
@Dependent
public class ImportJobs {

    private static final String COLUMNS = "i.id, i.org_id, i.kind, i.mode, j.status, i.file_name, i.file_bytes, "
            + "i.content_hash, i.forced, i.language, j.created_by, j.created_at, j.started_at, j.finished_at, "
            + "j.attempts, j.progress_total, i.rows_read, j.progress_done, i.rows_written, i.rows_skipped, "
            + "i.error_count, i.warning_count, i.outcome";
    private static final String JOBS = " FROM import_job i JOIN job j ON j.id = i.id ";

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    /** What a new job imports: the checked organisation and the file already received. */
    public record NewJob(long orgId, String kind, ImportMode mode, String fileName, long fileBytes, String contentHash,
            boolean forced, String language) {
    }

    /** Stores what the queued job {@code id} imports. */
    void create(long id, NewJob job) {
        update("INSERT INTO import_job (id, org_id, kind, mode, file_name, file_bytes, content_hash, forced, language) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, job.orgId(), job.kind(), job.mode().name(), job.fileName(),
                job.fileBytes(), job.contentHash(), job.forced(), job.language());
    }

    public Optional<ImportJob> find(long orgId, long id) {
        return query("SELECT " + COLUMNS + JOBS + "WHERE i.org_id = ? AND i.id = ?", orgId, id).stream().findFirst();
    }

    /**
     * The jobs an organisation sees, newest first: those started in it and those of other organisations that wrote into
     * it, the latter {@linkplain ImportJob#seenFrom seen from it} (what they wrote there, nothing of their workbook).
     */
    public List<ImportJob> of(long orgId, int first, int max) {
        return seen(orgId, "ORDER BY i.id DESC LIMIT ? OFFSET ?", max, first);
    }

    /** A job the organisation sees (see {@link #of}). */
    public Optional<ImportJob> seen(long orgId, long id) {
        return seen(orgId, "AND i.id = ?", id).stream().findFirst();
    }

    public long count(long orgId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM import_job i WHERE " + SEEN)) {
            s.setLong(1, orgId);
            s.setLong(2, orgId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new ImportStoreFailure(e);
        }
    }

    /** The jobs an organisation sees: its own, and those that wrote into it. */
    private static final String SEEN = "i.id IN (SELECT id FROM import_job WHERE org_id = ? "
            + "UNION SELECT job_id FROM import_job_target WHERE org_id = ?) ";

    private List<ImportJob> seen(long orgId, String rest, Object... parameters) {
        Object[] all = new Object[parameters.length + 3];
        all[0] = orgId;
        all[1] = orgId;
        all[2] = orgId;
        System.arraycopy(parameters, 0, all, 3, parameters.length);
        List<ImportJob> jobs = new ArrayList<>();
        List<Long> writtenThere = new ArrayList<>();
        read("SELECT " + COLUMNS + ", (SELECT t.rows_written FROM import_job_target t WHERE t.job_id = i.id "
                + "AND t.org_id = ?)" + JOBS + "WHERE " + SEEN + rest, all, r -> {
                    writtenThere.add(r.getLong(24));
                    return job(r);
                }, jobs);
        for (int i = 0; i < jobs.size(); i++) {
            ImportJob job = jobs.get(i);
            if (!job.startedIn(orgId)) {
                jobs.set(i, job.seenFrom(writtenThere.get(i)));
            }
        }
        return jobs;
    }

    /** A job of the organisation it was started in, for its own run. */
    ImportJob get(long orgId, long id) {
        return query("SELECT " + COLUMNS + JOBS + "WHERE i.org_id = ? AND i.id = ?", orgId, id).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No import job " + id));
    }

    /**
     * A job that imported this content as this kind into the organisation (whichever organisation it was started in),
     * or started there and about to import it; dry runs do not count.
     */
    public Optional<ImportJob> importedOrPending(long orgId, String kind, String contentHash) {
        return query("SELECT " + COLUMNS + JOBS + "WHERE i.kind = ? AND i.content_hash = ? AND i.mode <> 'VALIDATE' "
                + "AND (i.id IN (SELECT job_id FROM import_fingerprint WHERE org_id = ? AND kind = ? AND content_hash = ?) "
                + "OR i.org_id = ? AND j.status IN ('QUEUED', 'RUNNING')) ORDER BY i.id LIMIT 1", kind, contentHash,
                orgId, kind, contentHash, orgId).stream().findFirst();
    }

    /** An earlier import of a job's file into one of the organisations it writes: the job and its file's name. */
    public record Earlier(long jobId, String fileName) {
    }

    /** The earlier imports of the job's file, as its kind, into any of {@code orgs}, oldest first. */
    List<Earlier> importedBefore(ImportJob job, Set<Long> orgs) {
        List<Earlier> earlier = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT DISTINCT j.id, j.file_name FROM import_fingerprint f "
                        + "JOIN import_job j ON j.id = f.job_id WHERE f.org_id = ? AND f.kind = ? AND f.content_hash = ? "
                        + "AND j.id <> ? ORDER BY j.id")) {
            for (long org : orgs) {
                s.setLong(1, org);
                s.setString(2, job.kind());
                s.setString(3, job.contentHash());
                s.setLong(4, job.id());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Earlier found = new Earlier(r.getLong(1), r.getString(2));
                        if (!earlier.contains(found)) {
                            earlier.add(found);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new ImportStoreFailure(e);
        }
        earlier.sort(java.util.Comparator.comparingLong(Earlier::jobId));
        return earlier;
    }

    /**
     * Records, in the write transaction, that the job imports its file into each of {@code orgs}, in increasing order
     * (so two jobs never wait for each other in opposite orders). A second run of the same file into any of them waits
     * here until the first commits, then finds it; a forced job takes the records over.
     *
     * @return the earlier import found, when this job is not forced
     */
    Optional<Earlier> fingerprint(ImportJob job, java.util.SortedSet<Long> orgs) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO import_fingerprint (org_id, kind, content_hash, job_id) VALUES (?, ?, ?, ?)"
                                + (job.forced() ? " ON DUPLICATE KEY UPDATE job_id = VALUES(job_id)" : ""))) {
            for (long org : orgs) {
                s.setLong(1, org);
                s.setString(2, job.kind());
                s.setString(3, job.contentHash());
                s.setLong(4, job.id());
                try {
                    s.executeUpdate();
                } catch (java.sql.SQLIntegrityConstraintViolationException duplicate) {
                    return Optional.of(earlier(c, org, job));
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new ImportStoreFailure(e);
        }
    }

    /** The job whose fingerprint is there: a locking read, which sees it committed after the wait. */
    private static Earlier earlier(Connection c, long org, ImportJob job) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT j.id, j.file_name FROM import_fingerprint f "
                + "JOIN import_job j ON j.id = f.job_id WHERE f.org_id = ? AND f.kind = ? AND f.content_hash = ? "
                + "LOCK IN SHARE MODE")) {
            s.setLong(1, org);
            s.setString(2, job.kind());
            s.setString(3, job.contentHash());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Earlier(r.getLong(1), r.getString(2)) : new Earlier(0, "");
            }
        }
    }

    /** Records, in the write transaction, the rows the job wrote into each organisation, so each one lists it. */
    void wrote(long jobId, Map<Long, Long> rowsByOrganisation) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO import_job_target (org_id, job_id, rows_written) VALUES (?, ?, ?) "
                                + "ON DUPLICATE KEY UPDATE rows_written = VALUES(rows_written)")) {
            for (Map.Entry<Long, Long> written : rowsByOrganisation.entrySet()) {
                s.setLong(1, written.getKey());
                s.setLong(2, jobId);
                s.setLong(3, written.getValue());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new ImportStoreFailure(e);
        }
    }

    // ---- the run's counts and outcome

    /** Forgets the counts of an earlier attempt of the job. */
    void restart(long id) {
        update("UPDATE import_job SET rows_read = 0, rows_written = 0, rows_skipped = 0 WHERE id = ?", id);
    }

    /** The rows a running job read and wrote so far; its rows expected and checked are the job's progress. */
    void progress(long id, long read, long written) {
        update("UPDATE import_job SET rows_read = ?, rows_written = ? WHERE id = ?", read, written, id);
    }

    /**
     * A job's final counts and outcome, in the transaction that ends it
     * ({@link coop.intercoop.hub.platform.jobs.Claim#finish}).
     */
    void ended(long id, long read, long written, long skipped, long errors, long warnings, String outcome) {
        update("UPDATE import_job SET rows_read = ?, rows_written = ?, rows_skipped = ?, error_count = ?, "
                + "warning_count = ?, outcome = ? WHERE id = ?", read, written, skipped, errors, warnings,
                truncate(outcome, 2000), id);
    }

    /** The outcome of a job given up by the runner. */
    void outcome(long id, String outcome) {
        update("UPDATE import_job SET outcome = ? WHERE id = ?", truncate(outcome, 2000), id);
    }

    // ---- helpers

    private List<ImportJob> query(String sql, Object... parameters) {
        List<ImportJob> jobs = new ArrayList<>();
        read(sql, parameters, ImportJobs::job, jobs);
        return jobs;
    }

    private interface RowReader {
        ImportJob read(ResultSet r) throws SQLException;
    }

    private void read(String sql, Object[] parameters, RowReader reader, List<ImportJob> jobs) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    jobs.add(reader.read(r));
                }
            }
        } catch (SQLException e) {
            throw new ImportStoreFailure(e);
        }
    }

    private static ImportJob job(ResultSet r) throws SQLException {
        return new ImportJob(r.getLong(1), r.getLong(2), r.getString(3), ImportMode.valueOf(r.getString(4)),
                JobStatus.valueOf(r.getString(5)), r.getString(6), r.getLong(7), r.getString(8), r.getBoolean(9),
                r.getString(10), r.getLong(11), instant(r.getTimestamp(12)), instant(r.getTimestamp(13)),
                instant(r.getTimestamp(14)), r.getInt(15), r.getObject(16, Long.class), r.getLong(17), r.getLong(18),
                r.getLong(19), r.getLong(20), r.getLong(21), r.getLong(22), r.getString(23));
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new ImportStoreFailure(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The database failed while storing or reading a job. */
    public static class ImportStoreFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ImportStoreFailure(SQLException cause) {
            super("The import jobs could not be read or written: " + cause.getMessage(), cause);
        }
    }
}
