package coop.intercoop.hub.spreadsheet.entity;

import java.time.Instant;

/**
 * An import job as stored: the workbook it reads (name, size, SHA-256 of its content), how (kind, mode, forced past a
 * duplicate), who started it in which organisation and language, and where it is — status, attempts, the rows read,
 * validated, written and skipped (and the rows expected, if the sheet declares its size), the number of errors and
 * warnings, and the outcome in words.
 */
public record ImportJob(long id, long orgId, String kind, ImportMode mode, ImportStatus status, String fileName,
        long fileBytes, String contentHash, boolean forced, String language, long createdBy, Instant createdAt,
        Instant startedAt, Instant finishedAt, int attempts, Long rowsExpected, long rowsRead, long rowsValidated,
        long rowsWritten, long rowsSkipped, long errorCount, long warningCount, String outcome) {
}
