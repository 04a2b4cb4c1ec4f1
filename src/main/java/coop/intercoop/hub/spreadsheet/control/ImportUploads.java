package coop.intercoop.hub.spreadsheet.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.platform.jobs.JobRunner;
import coop.intercoop.hub.spreadsheet.control.ImportExecution.DuplicateImportException;
import coop.intercoop.hub.spreadsheet.entity.ImportMode;

/**
 * Receives an uploaded workbook for a new job in the caller's transaction: copies it to a work file while hashing it
 * (SHA-256) and counting its bytes against the limit, checks that it is an xlsx, refuses a file already imported into
 * this organisation as the same kind (by a job of any organisation) or being imported by a job started here, unless
 * forced, and stores the queued job with its file. The other organisations a job writes into are known only when it
 * runs: it fails there, naming the earlier job, when it finds the file imported into one of them. The job is queued on
 * the platform's runner, which looks for it as soon as the caller's transaction commits; the API and the portal both
 * upload through here.
 */
@Dependent
public class ImportUploads {

    private static final Logger LOG = Logger.getLogger(ImportUploads.class.getName());

    @Inject
    ImportJobs jobs;

    @Inject
    ImportSettings settings;

    @Inject
    ImportFiles files;

    @Inject
    JobRunner runner;

    /** What is being uploaded, by whom, where. */
    public record Upload(long orgId, String kind, ImportMode mode, boolean force, String fileName, Locale language,
            long userId) {
    }

    /** Stores the queued job, to be run once the caller's transaction commits; answers its id. */
    public long accept(Upload upload, InputStream body) {
        Path file = null;
        try {
            file = Files.createTempFile(Files.createDirectories(settings.workDir()), "upload-", ".xlsx");
            String hash = receive(body, file);
            XlsxReader.checkFormat(file, settings.limits());
            if (upload.mode() != ImportMode.VALIDATE && !upload.force()) {
                jobs.importedOrPending(upload.orgId(), upload.kind(), hash).ifPresent(earlier -> {
                    throw new DuplicateImportException("job.duplicate", earlier.id(), earlier.fileName());
                });
            }
            long id = runner.submit(ImportExecution.KIND, upload.orgId(), upload.userId());
            jobs.create(id, new ImportJobs.NewJob(upload.orgId(), upload.kind(), upload.mode(), upload.fileName(),
                    Files.size(file), hash, upload.force(), ImportTexts.language(upload.language()).getLanguage()));
            try (InputStream in = Files.newInputStream(file)) {
                files.store(upload.orgId(), id, in);
            }
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "The upload " + file + " could not be removed", e);
                }
            }
        }
    }

    /** Copies the body to the file, refusing it past the configured size; answers its SHA-256. */
    private String receive(InputStream body, Path file) throws IOException {
        if (body == null) {
            throw new SpreadsheetRefusedException("refused.no-body");
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long max = settings.maxFileBytes();
        try (InputStream in = new DigestInputStream(body, sha256);
                OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0;) {
                total += n;
                if (total > max) {
                    throw new SpreadsheetRefusedException("refused.too-large", max);
                }
                out.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
