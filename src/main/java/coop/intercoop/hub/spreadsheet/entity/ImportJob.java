package coop.intercoop.hub.spreadsheet.entity;

import java.time.Instant;

import coop.intercoop.hub.platform.jobs.JobStatus;

/**
 * An import job as stored: the workbook it reads (name, size, SHA-256 of its content), how (kind, mode, forced past a
 * duplicate), who started it in which organisation and language, and where it is — status, attempts, the rows read,
 * validated, written and skipped (and the rows expected, if the sheet declares its size), the number of errors and
 * warnings, and the outcome in words. Its status, attempts, timestamps and owner are the platform's job of the same id;
 * the rows expected and validated are that job's progress.
 */
public record ImportJob(long id, long orgId, String kind, ImportMode mode, JobStatus status, String fileName,
        long fileBytes, String contentHash, boolean forced, String language, long createdBy, Instant createdAt,
        Instant startedAt, Instant finishedAt, int attempts, Long rowsExpected, long rowsRead, long rowsValidated,
        long rowsWritten, long rowsSkipped, long errorCount, long warningCount, String outcome) {

    /** Whether the job was started (uploaded) in the organisation {@code org}. */
    public boolean startedIn(long org) {
        return orgId == org;
    }

    /**
     * The job as another organisation it wrote into sees it: what it is and where it is, and the rows it wrote there;
     * none of the workbook's counts, problems or outcome, which may concern organisations that one's people do not
     * belong to.
     */
    public ImportJob seenFrom(long writtenThere) {
        return new ImportJob(id, orgId, kind, mode, status, fileName, fileBytes, contentHash, forced, language,
                createdBy, createdAt, startedAt, finishedAt, attempts, null, 0, 0, writtenThere, 0, 0, 0, null);
    }
}
