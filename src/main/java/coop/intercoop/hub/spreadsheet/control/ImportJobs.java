package coop.intercoop.hub.spreadsheet.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;

import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.spreadsheet.entity.ImportJob;
import coop.intercoop.hub.spreadsheet.entity.ImportMode;
import coop.intercoop.hub.spreadsheet.entity.ImportProblem;
import coop.intercoop.hub.spreadsheet.entity.ImportStatus;

/**
 * The import jobs as stored: the uploaded file in pieces of 96 KiB, the job row that hub nodes claim with a conditional
 * update (so two nodes never run one job), its progress and heartbeat, its outcome and its problems. Every statement
 * that reads a job for a person names the organisation (DESIGN rule 1); only the runner reads jobs by id alone. Joins
 * the caller's transaction where there is one; outside one, each statement commits on its own.
 */
@Dependent
public class ImportJobs {

    /**
     * The size of the pieces a job's file is stored in. Connector/J sends each piece escaped in a buffer that grows
     * from 8 KiB to 128 KiB, 1 MiB and 16 MiB: pieces of 1 MiB made it allocate 16 MiB for each one (humongous objects
     * that set off the collector's concurrent cycles just as the import starts); pieces of 96 KiB stay in the 128 KiB
     * buffer.
     */
    static final int CHUNK = 96 * 1024;
    private static final String COLUMNS = "id, org_id, kind, mode, status, file_name, file_bytes, content_hash, forced, "
            + "language, created_by, created_at, started_at, finished_at, attempts, rows_expected, rows_read, "
            + "rows_validated, rows_written, rows_skipped, error_count, warning_count, outcome";

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    /** What a new job is: the checked organisation, the user and the file already received. */
    public record NewJob(long orgId, String kind, ImportMode mode, String fileName, long fileBytes, String contentHash,
            boolean forced, String language, long createdBy) {
    }

    /** Stores a queued job and its file; answers its id. */
    public long create(NewJob job, InputStream file) {
        try (Connection c = dataSource.getConnection()) {
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO import_job (org_id, kind, mode, status, "
                    + "file_name, file_bytes, content_hash, forced, language, created_by, created_at) "
                    + "VALUES (?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" })) {
                s.setLong(1, job.orgId());
                s.setString(2, job.kind());
                s.setString(3, job.mode().name());
                s.setString(4, job.fileName());
                s.setLong(5, job.fileBytes());
                s.setString(6, job.contentHash());
                s.setBoolean(7, job.forced());
                s.setString(8, job.language());
                s.setLong(9, job.createdBy());
                s.setTimestamp(10, Timestamp.from(Instant.now()));
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO import_file_chunk (org_id, job_id, chunk_no, data) VALUES (?, ?, ?, ?)")) {
                byte[] buffer = new byte[CHUNK];
                int chunk = 0;
                for (int n; (n = file.readNBytes(buffer, 0, CHUNK)) > 0;) {
                    s.setLong(1, job.orgId());
                    s.setLong(2, id);
                    s.setInt(3, chunk++);
                    s.setBytes(4, n == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, n));
                    s.executeUpdate();
                }
            }
            return id;
        } catch (SQLException e) {
            throw new ImportStoreFailure(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the job's file to {@code out}, piece by piece. */
    public void copyFile(long orgId, long jobId, OutputStream out) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT data FROM import_file_chunk WHERE org_id = ? AND job_id = ? AND chunk_no = ?")) {
            for (int chunk = 0;; chunk++) {
                s.setLong(1, orgId);
                s.setLong(2, jobId);
                s.setInt(3, chunk);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return;
                    }
                    out.write(r.getBytes(1));
                }
            }
        } catch (SQLException e) {
            throw new ImportStoreFailure(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<ImportJob> find(long orgId, long id) {
        return query("SELECT " + COLUMNS + " FROM import_job WHERE org_id = ? AND id = ?", orgId, id).stream()
                .findFirst();
    }

    /**
     * The jobs an organisation sees, newest first: those started in it and those of other organisations that wrote into
     * it, the latter {@linkplain ImportJob#seenFrom seen from it} (what they wrote there, nothing of their workbook).
     */
    public List<ImportJob> of(long orgId, int first, int max) {
        return seen(orgId, "ORDER BY id DESC LIMIT ? OFFSET ?", max, first);
    }

    /** A job the organisation sees (see {@link #of}). */
    public Optional<ImportJob> seen(long orgId, long id) {
        return seen(orgId, "AND id = ?", id).stream().findFirst();
    }

    public long count(long orgId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM import_job WHERE " + SEEN)) {
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
    private static final String SEEN = "id IN (SELECT id FROM import_job WHERE org_id = ? "
            + "UNION SELECT job_id FROM import_job_target WHERE org_id = ?) ";

    private List<ImportJob> seen(long orgId, String rest, Object... parameters) {
        Object[] all = new Object[parameters.length + 3];
        all[0] = orgId;
        all[1] = orgId;
        all[2] = orgId;
        System.arraycopy(parameters, 0, all, 3, parameters.length);
        List<ImportJob> jobs = new ArrayList<>();
        List<Long> writtenThere = new ArrayList<>();
        read("SELECT " + COLUMNS + ", (SELECT t.rows_written FROM import_job_target t WHERE t.job_id = import_job.id "
                + "AND t.org_id = ?) FROM import_job WHERE " + SEEN + rest, all, r -> {
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

    /** A job by id alone, for the node that claimed it. */
    ImportJob get(long id) {
        return query("SELECT " + COLUMNS + " FROM import_job WHERE id = ?", id).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No import job " + id));
    }

    /**
     * A job that imported this content as this kind into the organisation (whichever organisation it was started in),
     * or started there and about to import it; dry runs do not count.
     */
    public Optional<ImportJob> importedOrPending(long orgId, String kind, String contentHash) {
        return query("SELECT " + COLUMNS
                + " FROM import_job WHERE kind = ? AND content_hash = ? AND mode <> 'VALIDATE' "
                + "AND (id IN (SELECT job_id FROM import_fingerprint WHERE org_id = ? AND kind = ? AND content_hash = ?) "
                + "OR org_id = ? AND status IN ('QUEUED', 'RUNNING')) ORDER BY id LIMIT 1", kind, contentHash, orgId,
                kind, contentHash, orgId).stream().findFirst();
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

    // ---- claims, heartbeat and outcome (the runner)

    /** Claims the oldest queued job for {@code node}; empty when there is none left to claim. */
    Optional<Long> claimNext(String node) {
        try (Connection c = dataSource.getConnection()) {
            List<Long> queued = new ArrayList<>();
            try (PreparedStatement s = c
                    .prepareStatement("SELECT id FROM import_job WHERE status = 'QUEUED' ORDER BY id LIMIT 10")) {
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        queued.add(r.getLong(1));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE import_job SET status = 'RUNNING', claimed_by = ?, "
                    + "heartbeat_at = UTC_TIMESTAMP(6), started_at = COALESCE(started_at, ?), "
                    + "attempts = attempts + 1, rows_expected = NULL, rows_read = 0, rows_validated = 0, "
                    + "rows_written = 0, rows_skipped = 0 WHERE id = ? AND status = 'QUEUED'")) {
                for (long id : queued) {
                    s.setString(1, node);
                    s.setTimestamp(2, Timestamp.from(Instant.now()));
                    s.setLong(3, id);
                    if (s.executeUpdate() == 1) {
                        return Optional.of(id);
                    }
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new ImportStoreFailure(e);
        }
    }

    /** Records a running job's progress and that its node is alive. */
    void progress(long id, String node, ImportProgress progress) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE import_job SET heartbeat_at = UTC_TIMESTAMP(6), "
                        + "rows_expected = ?, rows_read = ?, rows_validated = ?, rows_written = ? "
                        + "WHERE id = ? AND claimed_by = ? AND status = 'RUNNING'")) {
            s.setObject(1, progress.expectedOrNull(), Types.BIGINT);
            s.setLong(2, progress.read.get());
            s.setLong(3, progress.validated.get());
            s.setLong(4, progress.written.get());
            s.setLong(5, id);
            s.setString(6, node);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new ImportStoreFailure(e);
        }
    }

    /** The running jobs whose node has not been heard of for {@code staleSeconds}: their node is gone. */
    List<ImportJob> stale(int staleSeconds) {
        return query("SELECT " + COLUMNS + " FROM import_job WHERE status = 'RUNNING' "
                + "AND heartbeat_at < UTC_TIMESTAMP(6) - INTERVAL ? SECOND", staleSeconds);
    }

    /** Puts a job whose node is gone back in the queue, unless someone else did already. */
    boolean requeue(long id, int attempts) {
        return update("UPDATE import_job SET status = 'QUEUED', claimed_by = NULL WHERE id = ? AND attempts = ? "
                + "AND status = 'RUNNING'", id, attempts) == 1;
    }

    /**
     * Ends a job claimed by {@code node} with its final counts (the rows it expected, read and checked, whatever the
     * last heartbeat wrote); false when the claim was lost (the job was given to another node). Inside the write
     * transaction this commits with what the job wrote.
     */
    boolean finish(long id, String node, ImportStatus status, ImportProgress progress, long written, long skipped,
            long errors, long warnings, String outcome) {
        return update(
                "UPDATE import_job SET status = ?, finished_at = ?, rows_expected = ?, rows_read = ?, "
                        + "rows_validated = ?, rows_written = ?, rows_skipped = ?, error_count = ?, warning_count = ?, "
                        + "outcome = ?, heartbeat_at = NULL WHERE id = ? AND claimed_by = ? AND status = 'RUNNING'",
                status.name(), Timestamp.from(Instant.now()), progress.expectedOrNull(), progress.read.get(),
                progress.validated.get(), written, skipped, errors, warnings, truncate(outcome), id, node) == 1;
    }

    /** Ends a job nobody runs any more (interrupted too often). */
    boolean abandon(long id, int attempts, String outcome) {
        return update(
                "UPDATE import_job SET status = 'FAILED', finished_at = ?, outcome = ?, "
                        + "heartbeat_at = NULL WHERE id = ? AND attempts = ? AND status = 'RUNNING'",
                Timestamp.from(Instant.now()), truncate(outcome), id, attempts) == 1;
    }

    /** Forgets the problems of an earlier attempt of the job. */
    void clearProblems(long orgId, long jobId) {
        update("DELETE FROM import_problem WHERE org_id = ? AND job_id = ?", orgId, jobId);
    }

    // ---- problems

    void addProblems(long orgId, long jobId, List<ImportProblem> problems) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO import_problem (org_id, job_id, severity, sheet, row_no, column_name, message) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        Statement.NO_GENERATED_KEYS)) {
            // without generated keys the batch goes as one bulk command (see Ledger)
            for (ImportProblem p : problems) {
                s.setLong(1, orgId);
                s.setLong(2, jobId);
                s.setString(3, p.severity().name());
                s.setString(4, truncate(p.sheet(), 100));
                s.setObject(5, p.row());
                s.setString(6, truncate(p.column(), 100));
                s.setString(7, truncate(p.message(), 1000));
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new ImportStoreFailure(e);
        }
    }

    /** The job's problems in row order (problems without a row first). */
    public List<ImportProblem> problems(long orgId, long jobId, int first, int max) {
        List<ImportProblem> problems = new ArrayList<>();
        forEachProblem(orgId, jobId, "LIMIT " + max + " OFFSET " + first, problems::add);
        return problems;
    }

    /** Streams all the job's problems in row order to {@code consumer}. */
    public void forEachProblem(long orgId, long jobId, Consumer<ImportProblem> consumer) {
        forEachProblem(orgId, jobId, "", consumer);
    }

    private void forEachProblem(long orgId, long jobId, String limit, Consumer<ImportProblem> consumer) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT severity, sheet, row_no, column_name, message FROM import_problem WHERE org_id = ? "
                                + "AND job_id = ? ORDER BY row_no IS NOT NULL, row_no, id " + limit)) {
            s.setFetchSize(1_000);
            s.setLong(1, orgId);
            s.setLong(2, jobId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    consumer.accept(new ImportProblem(ImportProblem.Severity.valueOf(r.getString(1)), r.getString(2),
                            (Integer) r.getObject(3, Integer.class), r.getString(4), r.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new ImportStoreFailure(e);
        }
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
                ImportStatus.valueOf(r.getString(5)), r.getString(6), r.getLong(7), r.getString(8), r.getBoolean(9),
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

    private static String truncate(String text) {
        return truncate(text, 2000);
    }

    private static String truncate(String text, int max) {
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
