package coop.intercoop.hub.spreadsheet.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.security.control.Users;
import coop.intercoop.hub.spreadsheet.entity.ImportJob;
import coop.intercoop.hub.spreadsheet.entity.ImportMode;
import coop.intercoop.hub.spreadsheet.entity.ImportStatus;
import coop.intercoop.hub.tenancy.control.OrganisationAccess;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * One run of one claimed job, on a managed thread, for the person who started it: their memberships and roles are
 * checked again now, as in a request of theirs. The workbook is copied from the database to a work file and parsed
 * once, streaming. When the importer can, its rows are checked on a second thread while this one writes what they
 * complete (see {@link Importer.Streaming}); otherwise every row is checked, every problem stored, and the rows without
 * errors kept in a second work file ({@link RowSpill}), then, unless the mode or the errors say otherwise, replayed and
 * written. Either way the writing happens in one transaction that also records the file's fingerprint and ends the job
 * — so a crash leaves nothing written and the job queued again, and a second run of the same file is refused.
 */
@Dependent
public class ImportExecution {

    private static final Logger LOG = Logger.getLogger(ImportExecution.class.getName());

    @Inject
    ImportJobs jobs;

    @Inject
    Importers importers;

    @Inject
    ImportSettings settings;

    @Inject
    Users users;

    @Inject
    Caller caller;

    @Inject
    OrganisationAccess access;

    @Inject
    Tenant tenant;

    @Inject
    AuditTrail audit;

    @Inject
    ImportTransactions transactions;

    @Resource
    ManagedThreadFactory threads;

    @ActivateRequestContext
    public void run(long id, String node, ImportProgress progress) {
        ImportJob job = jobs.get(id);
        Locale language = Locale.forLanguageTag(job.language());
        jobs.clearProblems(job.orgId(), id);
        Importer importer = importers.of(job.kind());
        ImportReport report = new ImportReport(language, importer.texts(), settings.maxProblems(),
                problems -> jobs.addProblems(job.orgId(), id, problems));
        Path file = null;
        try {
            // the person's memberships and roles are read now, in a transaction, as in a request of theirs
            transactions.inNew(() -> {
                caller.actFor(users.find(job.createdBy()));
                access.enter(job.orgId());
                tenant.require(importer.roles().toArray(coop.intercoop.hub.tenancy.entity.Role[]::new));
            });
            file = Files.createTempFile(Files.createDirectories(settings.workDir()), "import-" + id + "-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                jobs.copyFile(job.orgId(), id, out);
            }
            process(job, node, importer, file, report, progress);
        } catch (SpreadsheetRefusedException | DuplicateImportException refused) {
            // the hub's own sentences about the file, naming nothing of its rows
            String reason = refused.message(language);
            fail(job, node, report, progress, reason, text(language,
                    refused instanceof SpreadsheetRefusedException ? "job.refused" : "job.failed", reason));
        } catch (HubException refused) {
            // a refusal of the person or of one row's data escaped the importer: its wording may name a row of any
            // organisation of the workbook, so it goes to the report (the uploader's alone), not to the outcome
            // every member of the organisation reads
            fail(job, node, report, progress, refused.message(language), text(language, "job.failed.see-report"));
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Import job " + id + " could not keep its work file", e);
            failedUnexpectedly(job, node, report, progress, e, "job.failed.internal");
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (databaseLost(e)) {
                throw new DatabaseLostException(e, job.attempts());
            }
            failedUnexpectedly(job, node, report, progress, e, "job.failed.internal");
            throw e;
        } catch (OutOfMemoryError e) {
            failedUnexpectedly(job, node, report, progress, e, "job.failed.memory");
            throw e;
        } catch (Error e) {
            failedUnexpectedly(job, node, report, progress, e, "job.failed.internal");
            throw e;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "The work file " + file + " could not be removed", e);
                }
            }
        }
    }

    /** Ends the job as failed, its reason the one problem of the report besides those already there. */
    private void fail(ImportJob job, String node, ImportReport report, ImportProgress progress, String problem,
            String outcome) {
        report.flush();
        report.errorText(null, null, null, problem);
        report.flush();
        end(job, node, report, progress, outcome);
    }

    /**
     * Ends the job as failed after a failure of the hub or of a library (a bug, the memory exhausted, the stack
     * overflowed), with the hub's own sentence: a library's message may quote any cell of the workbook, of any
     * organisation, so it goes to the server's log only (logged by the runner, with the job's id). Should the job not
     * be ended (the database lost meanwhile), it is queued again when the database answers or its heartbeat goes stale.
     */
    private void failedUnexpectedly(ImportJob job, String node, ImportReport report, ImportProgress progress,
            Throwable failure, String key) {
        String reason = text(report.language(), key, job.id());
        try {
            fail(job, node, report, progress, reason, reason);
        } catch (RuntimeException ending) {
            failure.addSuppressed(ending);
            // the failure hid the database's loss (a rollback that could not reach it): the job runs again
            if (databaseLost(ending)) {
                throw new DatabaseLostException(failure, job.attempts());
            }
        }
    }

    private void process(ImportJob job, String node, Importer importer, Path file, ImportReport report,
            ImportProgress progress) {
        if (job.mode() != ImportMode.VALIDATE && streamed(job, node, importer, file, report, progress)) {
            return;
        }
        inTwoPasses(job, node, importer, file, report, progress);
    }

    /**
     * Checks and writes in one pass when the importer can (see {@link Importer.Streaming}): a second thread parses and
     * checks the rows while this one, in the write transaction, carries out the writes they complete. Answers
     * {@code false}, with nothing written and the report and progress reset, when the rows' order does not allow it or
     * the writing met another job's locks in an order that would deadlock; the job then runs in two passes.
     */
    private boolean streamed(ImportJob job, String node, Importer importer, Path file, ImportReport report,
            ImportProgress progress) {
        Importer.Run run = importer.start(report);
        Importer.Streaming streaming = run.streaming();
        if (streaming == null) {
            return false;
        }
        try {
            transactions.inNew(() -> {
                long started = System.nanoTime();
                try (XlsxReader reader = XlsxReader.open(file, settings.limits())) {
                    stream(job, importer, reader, streaming, report, progress);
                }
                if (job.mode() == ImportMode.ALL_OR_NOTHING && report.errors() > 0) {
                    throw new NothingWritten();
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                LOG.info(() -> String.format(
                        "Import job %d (%s): %,d rows read, checked and written in one pass in %.1f s, %d errors",
                        job.id(), job.kind(), progress.read.get(), seconds, report.errors()));
                written(job, node, run, report, progress, progress.written.get());
            });
            return true;
        } catch (NothingWritten invalid) {
            LOG.info(() -> String.format(
                    "Import job %d (%s): %,d rows read and checked in one pass, %d errors; nothing written", job.id(),
                    job.kind(), progress.read.get(), report.errors()));
            end(job, node, report, progress, capped(text(report.language(), "job.invalid", report.errors()), report));
            return true;
        } catch (RuntimeException e) {
            boolean outOfOrder = e instanceof Importer.OutOfOrder;
            if (!outOfOrder && !deadlock(e)) {
                throw e;
            }
            LOG.info(() -> String.format("Import job %d (%s) runs again in two passes: %s", job.id(), job.kind(),
                    outOfOrder ? e.getMessage() : "its writing met another job's locks"));
            jobs.clearProblems(job.orgId(), job.id());
            report.restart();
            progress.read.set(0);
            progress.validated.set(0);
            progress.written.set(0);
            return false;
        }
    }

    /**
     * The one pass's two threads: a managed thread reads and checks every row and submits writes to a short queue,
     * which this thread, holding the write transaction, carries out until the other is done.
     */
    private void stream(ImportJob job, Importer importer, XlsxReader reader, Importer.Streaming streaming,
            ImportReport report, ImportProgress progress) {
        WriteQueue queue = new WriteQueue(2, () -> job.mode() == ImportMode.VALID_ROWS
                || job.mode() == ImportMode.ALL_OR_NOTHING && report.errors() == 0);
        String sheet = reader.sheetNames().get(0);
        int lastRow = reader.lastRowDeclared(0);
        Thread checker = threads.newThread(() -> {
            try {
                ImportRow.Layout[] layout = { null };
                reader.read(0, row -> {
                    queue.checkGoing();
                    if (layout[0] == null) {
                        layout[0] = layout(row, importer, report, reader.isDate1904());
                        expect(progress, lastRow, row);
                        return;
                    }
                    progress.read.incrementAndGet();
                    streaming.check(new ImportRow(row, layout[0], report), queue);
                    progress.validated.incrementAndGet();
                });
                if (layout[0] == null || progress.read.get() == 0) {
                    throw new SpreadsheetRefusedException("file.no-rows", sheet);
                }
                streaming.end(queue);
                report.flush();
                queue.close();
            } catch (RuntimeException | Error e) {
                queue.fail(e);
            }
        });
        checker.setName("import-" + job.id() + "-check");
        checker.start();
        try {
            queue.drain(progress.written::addAndGet);
        } finally {
            try {
                checker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.info(() -> String.format("Import job %d (%s): %s", job.id(), job.kind(), queue.waits()));
    }

    /** The rows to expect below the header, if the sheet declares its last row. */
    private static void expect(ImportProgress progress, int lastRow, XlsxReader.Row header) {
        progress.expected.set(Math.max(0, lastRow - header.number()));
    }

    private void inTwoPasses(ImportJob job, String node, Importer importer, Path file, ImportReport report,
            ImportProgress progress) {
        Locale language = report.language();
        RowSpill[] spill = { null };
        try (XlsxReader reader = XlsxReader.open(file, settings.limits())) {
            String sheet = reader.sheetNames().get(0);
            int lastRow = reader.lastRowDeclared(0);
            Importer.Run run = importer.start(report);
            ImportRow.Layout[] layout = { null };
            long started = System.nanoTime();
            // the first pass reads the books (memberships, charts) in one read-only transaction; it writes only
            // problems, and keeps the rows without errors for the second pass
            transactions.inNew(() -> reader.read(0, row -> {
                if (layout[0] == null) {
                    layout[0] = layout(row, importer, report, reader.isDate1904());
                    expect(progress, lastRow, row);
                    spill[0] = RowSpill.create(settings.workDir(), sheet, layout[0].mapping().columns().values());
                    return;
                }
                progress.read.incrementAndGet();
                run.check(new ImportRow(row, layout[0], report));
                if (!report.hasFailed(row.number())) {
                    spill[0].add(row);
                }
                progress.validated.incrementAndGet();
            }));
            if (layout[0] == null || progress.read.get() == 0) {
                throw new SpreadsheetRefusedException("file.no-rows", sheet);
            }
            run.checked();
            if (job.mode() == ImportMode.VALIDATE) {
                warnIfImportedBefore(job, run, report);
            }
            report.flush();
            double checking = (System.nanoTime() - started) / 1e9;
            LOG.info(() -> String.format("Import job %d (%s): %,d rows read and checked in %.1f s, %d errors", job.id(),
                    job.kind(), progress.read.get(), checking, report.errors()));
            // the heartbeat may not have come since the last rows: the job keeps what its first pass read and checked
            jobs.progress(job.id(), node, progress);
            long rows = progress.read.get();
            if (job.mode() == ImportMode.VALIDATE || report.errors() > 0 && job.mode() == ImportMode.ALL_OR_NOTHING) {
                String outcome = report.errors() == 0 ? text(language, "job.validated", rows)
                        : text(language, job.mode() == ImportMode.VALIDATE ? "job.invalid.validate" : "job.invalid",
                                report.errors());
                end(job, node, report, progress, capped(outcome, report));
                return;
            }
            write(job, node, run, spill[0], layout[0], report, progress);
        } finally {
            if (spill[0] != null) {
                spill[0].close();
            }
        }
    }

    /**
     * The second pass: the rows the first one kept, replayed from its work file, written in one transaction that also
     * records the file's fingerprint and ends the job.
     */
    private void write(ImportJob job, String node, Importer.Run run, RowSpill rows, ImportRow.Layout layout,
            ImportReport report, ImportProgress progress) {
        transactions.inNew(() -> {
            long started = System.nanoTime();
            run.prepareWrite();
            rows.replay(row -> {
                if (!report.hasFailed(row.number())) {
                    run.write(new ImportRow(row, layout, report));
                    progress.written.incrementAndGet();
                }
            });
            run.finish();
            long written = progress.written.get() - report.skipped();
            double writing = (System.nanoTime() - started) / 1e9;
            LOG.info(() -> String.format("Import job %d (%s): %,d rows written in %.1f s", job.id(), job.kind(),
                    written, writing));
            written(job, node, run, report, progress, written);
        });
    }

    /** A dry run warns when its file was imported before into an organisation it would write into. */
    private void warnIfImportedBefore(ImportJob job, Importer.Run run, ImportReport report) {
        transactions.inNew(() -> jobs.importedBefore(job, organisations(job, run.organisations()))
                .forEach(earlier -> report.warningText(null, null, null,
                        text(report.language(), "job.already-imported", earlier.jobId(), earlier.fileName()))));
    }

    /** The organisations a job's file counts as imported into: those its rows are written into, and its own. */
    private static SortedSet<Long> organisations(ImportJob job, Set<Long> written) {
        SortedSet<Long> orgs = new TreeSet<>(written);
        orgs.add(job.orgId());
        return orgs;
    }

    /**
     * Ends a job that wrote its rows, in the write transaction: records the file's fingerprint in every organisation it
     * wrote into (refusing a file already imported into one of them unless forced: what was written is rolled back)
     * and, for each organisation, what it wrote there, which that organisation's imports list and audit trail show.
     */
    private void written(ImportJob job, String node, Importer.Run run, ImportReport report, ImportProgress progress,
            long written) {
        Map<Long, Long> byOrganisation = run.written().isEmpty() ? Map.of(job.orgId(), written) : run.written();
        jobs.fingerprint(job, organisations(job, byOrganisation.keySet())).ifPresent(earlier -> {
            throw new DuplicateImportException("job.duplicate.written", earlier.jobId(), earlier.fileName());
        });
        jobs.wrote(job.id(), byOrganisation);
        long notWritten = report.rowsWithErrors() + report.skipped();
        String outcome = notWritten == 0 ? text(report.language(), "job.done", written)
                : text(report.language(), "job.done.skipped", written, notWritten);
        audit.record(job.orgId(), "spreadsheet.import-written", "import-job", String.valueOf(job.id()),
                job.kind() + ", " + job.fileName() + ", " + written + " rows written, " + notWritten + " not");
        byOrganisation.forEach((org, rows) -> {
            if (org != job.orgId()) {
                // the entries' own events there say what was posted; this one says by which job, from which file
                audit.record(org, "spreadsheet.import-written", "import-job", String.valueOf(job.id()),
                        job.kind() + ", " + job.fileName() + ", " + rows + " rows written into this organisation");
            }
        });
        if (!jobs.finish(job.id(), node, ImportStatus.SUCCEEDED, progress, written, notWritten, report.errors(),
                report.warnings(), capped(outcome, report))) {
            throw new IllegalStateException("Import job " + job.id() + " was given to another node meanwhile");
        }
    }

    /**
     * Ends the job without writing (a dry run, errors in all-or-nothing mode, a refusal). A job that was to write and
     * did not left every row it read unwritten; a dry run counts the rows that would not be written, those with errors.
     */
    private void end(ImportJob job, String node, ImportReport report, ImportProgress progress, String outcome) {
        boolean failed = report.errors() > 0;
        long notWritten = !failed ? 0
                : job.mode() == ImportMode.VALIDATE ? report.rowsWithErrors()
                        : Math.max(progress.read.get(), report.rowsWithErrors());
        transactions.inNew(() -> {
            jobs.finish(job.id(), node, failed ? ImportStatus.FAILED : ImportStatus.SUCCEEDED, progress, 0, notWritten,
                    report.errors(), report.warnings(), outcome);
            audit.record(job.orgId(), "spreadsheet.import-ended", "import-job", String.valueOf(job.id()), job.kind()
                    + ", " + job.fileName() + ", " + job.mode().apiName + ", " + report.errors() + " errors");
        });
    }

    /** Maps the header row and warns about the columns nobody reads. */
    private static ImportRow.Layout layout(XlsxReader.Row header, Importer importer, ImportReport report,
            boolean date1904) {
        Headers.Mapping mapping = Headers.map(header, importer.columns());
        Map<Integer, String> texts = new HashMap<>();
        for (XlsxReader.Cell cell : header.cells()) {
            texts.put(cell.column(), Values.text(cell.value()));
        }
        List<Integer> used = List.copyOf(mapping.columns().values());
        texts.forEach((column, text) -> {
            if (!used.contains(column)) {
                String letter = ImportRow.Layout.letter(column);
                report.warningText(header.sheet(), header.number(), letter + " (" + text + ")",
                        ImportTexts.format(ImportTexts.SPREADSHEET, report.language(), "header.ignored", letter, text));
            }
        });
        return new ImportRow.Layout(header.sheet(), mapping, Map.copyOf(texts), date1904);
    }

    private static String capped(String outcome, ImportReport report) {
        return report.isCapped()
                ? outcome + " "
                        + ImportTexts.format(ImportTexts.SPREADSHEET, report.language(), "job.problems-capped",
                                report.maxStored())
                : outcome;
    }

    private static String text(Locale language, String key, Object... arguments) {
        return ImportTexts.format(ImportTexts.SPREADSHEET, language, key, arguments);
    }

    /** Whether the failure is the database going away (the job then runs again when it is back). */
    static boolean databaseLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException || t instanceof SQLException sql
                            && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Whether the failure is the database choosing this transaction as a deadlock's victim. */
    static boolean deadlock(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A streaming run found errors in all-or-nothing mode: what it wrote is rolled back. */
    private static class NothingWritten extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NothingWritten() {
            super(null, null, false, false);
        }
    }

    /** The run lost the database; nothing it wrote was committed. */
    static class DatabaseLostException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int attempts;

        DatabaseLostException(Throwable cause, int attempts) {
            super(cause);
            this.attempts = attempts;
        }
    }

    /** The same file was already imported into the organisation. */
    public static class DuplicateImportException extends HubException {
        private static final long serialVersionUID = 1L;

        public DuplicateImportException(String key, Object... arguments) {
            super(Kind.CONFLICT, "file", key, arguments);
        }

        @Override
        protected String bundle() {
            return ImportTexts.SPREADSHEET;
        }
    }
}
