package coop.intercoop.hub.spreadsheet.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;

import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.Jdbc;
import coop.intercoop.hub.spreadsheet.entity.ImportProblem;

/**
 * The validation reports of import jobs: every error and warning with where it is (sheet, row as the spreadsheet shows
 * it, column letter and header), in the job's language, in row order. Every statement names the organisation (DESIGN
 * rule 1). Outside a transaction (as a running job writes them) each statement commits on its own.
 */
@Dependent
public class ImportProblems {

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    void add(long orgId, long jobId, List<ImportProblem> problems) {
        try (Connection c = dataSource.getConnection();
                Jdbc.Batch s = Jdbc.Batch.of(c,
                        "INSERT INTO import_problem (org_id, job_id, severity, sheet, row_no, column_name, message) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (ImportProblem p : problems) {
                s.setLong(1, orgId);
                s.setLong(2, jobId);
                s.setString(3, p.severity().name());
                s.setString(4, ImportJobs.truncate(p.sheet(), 100));
                s.setObject(5, p.row());
                s.setString(6, ImportJobs.truncate(p.column(), 100));
                s.setString(7, ImportJobs.truncate(p.message(), 1000));
                s.add();
            }
            s.send();
        } catch (SQLException e) {
            throw new ImportJobs.ImportStoreFailure(e);
        }
    }

    /** Forgets the problems of an earlier attempt of the job. */
    void clear(long orgId, long jobId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c
                        .prepareStatement("DELETE FROM import_problem WHERE org_id = ? AND job_id = ?")) {
            s.setLong(1, orgId);
            s.setLong(2, jobId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new ImportJobs.ImportStoreFailure(e);
        }
    }

    /** The job's problems in row order (problems without a row first), a page of them. */
    public List<ImportProblem> page(long orgId, long jobId, int first, int max) {
        List<ImportProblem> problems = new ArrayList<>();
        forEach(orgId, jobId, "LIMIT " + max + " OFFSET " + first, problems::add);
        return problems;
    }

    /** Streams all the job's problems in row order to {@code consumer}. */
    public void forEach(long orgId, long jobId, Consumer<ImportProblem> consumer) {
        forEach(orgId, jobId, "", consumer);
    }

    private void forEach(long orgId, long jobId, String limit, Consumer<ImportProblem> consumer) {
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
            throw new ImportJobs.ImportStoreFailure(e);
        }
    }
}
