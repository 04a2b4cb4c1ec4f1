package coop.intercoop.hub.spreadsheet.control;

import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;

import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.Pieces;

/**
 * The uploaded workbooks of import jobs, kept in the database in pieces so that any hub node can run the job and the
 * workbook with its errors column can be built later. Every statement names the organisation (DESIGN rule 1). Joins the
 * caller's transaction where there is one.
 */
@Dependent
public class ImportFiles {

    /** The import's file in pieces ({@code import_file_chunk}). */
    private static final Pieces PIECES = new Pieces("import_file_chunk", List.of("org_id", "job_id"), "chunk_no",
            "data");

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    /** Stores the job's file, read from {@code file} to its end. */
    void store(long orgId, long jobId, InputStream file) {
        try (Connection c = dataSource.getConnection()) {
            PIECES.store(c, file, orgId, jobId);
        } catch (SQLException e) {
            throw new ImportJobs.ImportStoreFailure(e);
        }
    }

    /** Writes the job's file to {@code out}, piece by piece. */
    public void copy(long orgId, long jobId, OutputStream out) {
        try (Connection c = dataSource.getConnection()) {
            PIECES.copy(c, out, orgId, jobId);
        } catch (SQLException e) {
            throw new ImportJobs.ImportStoreFailure(e);
        }
    }
}
