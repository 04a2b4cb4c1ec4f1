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

/**
 * The uploaded workbooks of import jobs, kept in the database in pieces so that any hub node can run the job and the
 * workbook with its errors column can be built later. Every statement names the organisation (DESIGN rule 1). Joins the
 * caller's transaction where there is one.
 */
@Dependent
public class ImportFiles {

    /**
     * The size of the pieces a job's file is stored in. Connector/J sends each piece escaped in a buffer that grows
     * from 8 KiB to 128 KiB, 1 MiB and 16 MiB: pieces of 1 MiB made it allocate 16 MiB for each one (humongous objects
     * that set off the collector's concurrent cycles just as the import starts); pieces of 96 KiB stay in the 128 KiB
     * buffer.
     */
    static final int CHUNK = 96 * 1024;

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
