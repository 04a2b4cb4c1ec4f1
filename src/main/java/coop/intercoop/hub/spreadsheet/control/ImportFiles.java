package coop.intercoop.hub.spreadsheet.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;

import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.Jdbc;

/**
 * The uploaded workbooks of import jobs, kept in the database in pieces so that any hub node can run the job and the
 * workbook with its errors column can be built later. Every statement names the organisation (DESIGN rule 1). Joins the
 * caller's transaction where there is one.
 */
@Dependent
public class ImportFiles {

    /**
     * The size of the pieces a job's file is stored in. Connector/J sends a piece escaped in its text protocol and
     * first makes room for twice the piece's length (every byte might need escaping): pieces of 96 KiB made it take a 1
     * MiB buffer for each, a humongous object for the collector (see {@link Jdbc#COMMAND_BYTES}), 350 of them for a 33
     * MB upload. Twice a piece of 60 KiB stays in the driver's 128 KiB buffer.
     */
    static final int CHUNK = 60 * 1024;

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    /** Stores the job's file, read from {@code file} to its end. */
    void store(long orgId, long jobId, InputStream file) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO import_file_chunk (org_id, job_id, chunk_no, data) VALUES (?, ?, ?, ?)")) {
            byte[] buffer = new byte[CHUNK];
            int chunk = 0;
            for (int n; (n = file.readNBytes(buffer, 0, CHUNK)) > 0;) {
                s.setLong(1, orgId);
                s.setLong(2, jobId);
                s.setInt(3, chunk++);
                s.setBytes(4, n == CHUNK ? buffer : Arrays.copyOf(buffer, n));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new ImportJobs.ImportStoreFailure(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the job's file to {@code out}, piece by piece. */
    public void copy(long orgId, long jobId, OutputStream out) {
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
            throw new ImportJobs.ImportStoreFailure(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
