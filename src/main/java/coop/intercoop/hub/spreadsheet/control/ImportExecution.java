package coop.intercoop.hub.spreadsheet.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import jakarta.inject.Inject;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.jobs.Claim;
import coop.intercoop.hub.platform.DatabaseFailure;
import coop.intercoop.hub.platform.jobs.Job;
import coop.intercoop.hub.platform.jobs.JobStatus;
import coop.intercoop.hub.platform.jobs.JobTransactions;
import coop.intercoop.hub.platform.jobs.Progress;
import coop.intercoop.hub.spreadsheet.entity.ImportJob;
import coop.intercoop.hub.spreadsheet.entity.ImportMode;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * The import as a job of the platform's runner ({@link coop.intercoop.hub.platform.jobs.JobRunner}): one run of one
 * claimed job, on a managed thread, for the person who started it, whose memberships the runner read again on entering
 * the organisation as them, and whose roles for the kind are checked here. The workbook is copied from the database to
 * a work file and parsed once, streaming. When the importer can, its rows are checked on a second thread while this one
 * writes what they complete (see {@link Importer.Streaming}); otherwise every row is checked, every problem stored, and
 * the rows without errors kept in a second work file ({@link RowSpill}), then, unless the mode or the errors say
 * otherwise, replayed and written. Either way the writing happens in one transaction that also records the file's
 * fingerprint and ends the job — so a crash leaves nothing written and the job queued again, and a second run of the
 * same file is refused.
 */
@Dependent
public class ImportExecution implements Job {

    /** The kind of the platform's jobs that import a workbook (each import's own kind is its importer's). */
    public static final String KIND = "import";

    private static final Logger LOG = Logger.getLogger(ImportExecution.class.getName());

    @Inject
    ImportJobs jobs;

    @Inject
    ImportFiles files;

    @Inject
    ImportProblems problems;

    @Inject
    Importers importers;

    @Inject
    ImportSettings settings;

    @Inject
    Tenant tenant;

    @Inject
    AuditTrail audit;

    @Inject
    JobTransactions transactions;

    @Resource
    ManagedThreadFactory threads;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Progress newProgress() {
        return new ImportProgress();
    }

    @Override
    public void run(Claim claim) {
        ImportJob job = restart(claim);
        long id = job.id();
        ImportProgress progress = (ImportProgress) claim.progress();
        Locale language = Locale.forLanguageTag(job.language());
        Importer importer = importers.of(job.kind());
        ImportReport report = report(job, importer);
        Path file = null;
        try {
            // the runner entered the organisation as the person, their roles read now: this kind's are needed
            tenant.require(importer.roles().toArray(Role[]::new));
            file = Files.createTempFile(Files.createDirectories(settings.workDir()), "import-" + id + "-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                files.copy(job.orgId(), id, out);
            }
            process(job, claim, importer, file, report, progress);
        } catch (SpreadsheetRefusedException | DuplicateImportException refused) {
            // the hub's own sentences about the file, naming nothing of its rows
            String reason = refused.message(language);
            fail(job, claim, report, progress, reason, text(language,
                    refused instanceof SpreadsheetRefusedException ? "job.refused" : "job.failed", reason));
        } catch (HubException refused) {
            // a refusal of the person or of one row's data escaped the importer: its wording may name a row of any
            // organisation of the workbook, so it goes to the report (the uploader's alone), not to the outcome
            // every member of the organisation reads
            fail(job, claim, report, progress, refused.message(language), text(language, "job.failed.see-report"));
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Import job " + id + " could not keep its work file", e);
            failedUnexpectedly(job, claim, report, progress, e, "job.failed.internal");
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (DatabaseFailure.of(e).retry) {
                // nothing was written: the runner queues the job again
                throw e;
            }
            failedUnexpectedly(job, claim, report, progress, e, "job.failed.internal");
            throw e;
        } catch (OutOfMemoryError e) {
            failedUnexpectedly(job, claim, report, progress, e, "job.failed.memory");
            throw e;
        } catch (Error e) {
            failedUnexpectedly(job, claim, report, progress, e, "job.failed.internal");
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

    /** The person may no longer import here (deactivated, their membership gone): said in the report. */
    @Override
    public void refused(Claim claim, HubException refusal) {
        ImportJob job = restart(claim);
        Locale language = Locale.forLanguageTag(job.language());
        fail(job, claim, report(job, importers.of(job.kind())), (ImportProgress) claim.progress(),
                refusal.message(language), text(language, "job.failed.see-report"));
    }

    @Override
    public void heartbeat(Claim claim) {
        ImportProgress progress = (ImportProgress) claim.progress();
        jobs.progress(claim.id(), progress.read.get(), progress.written.get());
    }

    @Override
    public void abandoned(long orgId, long jobId, int attempts) {
        ImportJob job = jobs.get(orgId, jobId);
        jobs.outcome(jobId, text(Locale.forLanguageTag(job.language()), "job.interrupted", attempts));
    }

    /** The job as an earlier attempt left it, its counts and problems forgotten. */
    private ImportJob restart(Claim claim) {
        ImportJob job = jobs.get(claim.orgId(), claim.id());
        jobs.restart(job.id());
        problems.clear(job.orgId(), job.id());
        return job;
    }

    private ImportReport report(ImportJob job, Importer importer) {
        return new ImportReport(Locale.forLanguageTag(job.language()), importer.texts(), settings.maxProblems(),
                added -> problems.add(job.orgId(), job.id(), added));
    }

    /**
     * Ends the job with its final counts and outcome, in the caller's transaction; false when the claim was lost (the
     * job was given to another node meanwhile).
     */
    private boolean finish(ImportJob job, Claim claim, JobStatus status, ImportProgress progress, long written,
            long skipped, long errors, long warnings, String outcome) {
        if (!claim.finish(status)) {
            return false;
        }
        jobs.ended(job.id(), progress.read.get(), written, skipped, errors, warnings, outcome);
        return true;
    }

    /** Ends the job as failed, its reason the one problem of the report besides those already there. */
    private void fail(ImportJob job, Claim claim, ImportReport report, ImportProgress progress, String problem,
            String outcome) {
        report.flush();
        report.errorText(null, null, null, problem);
        report.flush();
        end(job, claim, report, progress, outcome);
    }

    /**
     * Ends the job as failed after a failure of the hub or of a library (a bug, the memory exhausted, the stack
     * overflowed), with the hub's own sentence: a library's message may quote any cell of the workbook, of any
     * organisation, so it goes to the server's log only (logged by the runner, with the job's id). Should the job not
     * be ended (the database lost meanwhile), it is queued again when the database answers or its heartbeat goes stale.
     */
    private void failedUnexpectedly(ImportJob job, Claim claim, ImportReport report, ImportProgress progress,
            Throwable failure, String key) {
        String reason = text(report.language(), key, job.id());
        try {
            fail(job, claim, report, progress, reason, reason);
        } catch (RuntimeException ending) {
            failure.addSuppressed(ending);
            // the failure hid the database's loss (a rollback that could not reach it): the job runs again
            if (DatabaseFailure.of(ending).retry) {
                ending.addSuppressed(failure);
                throw ending;
            }
        }
    }

    private void process(ImportJob job, Claim claim, Importer importer, Path file, ImportReport report,
            ImportProgress progress) {
        if (job.mode() != ImportMode.VALIDATE && streamed(job, claim, importer, file, report, progress)) {
            return;
        }
        inTwoPasses(job, claim, importer, file, report, progress);
    }

    /**
     * Checks and writes in one pass when the importer can (see {@link Importer.Streaming}): a second thread parses and
     * checks the rows while this one, in the write transaction, carries out the writes they complete. Answers
     * {@code false}, with nothing written and the report and progress reset, when the rows' order does not allow it or
     * the writing met another job's locks in an order that would deadlock; the job then runs in two passes.
     */
    private boolean streamed(ImportJob job, Claim claim, Importer importer, Path file, ImportReport report,
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
                written(job, claim, run, report, progress, progress.written.get());
            });
            return true;
        } catch (NothingWritten invalid) {
            LOG.info(() -> String.format(
                    "Import job %d (%s): %,d rows read and checked in one pass, %d errors; nothing written", job.id(),
                    job.kind(), progress.read.get(), report.errors()));
            end(job, claim, report, progress, capped(text(report.language(), "job.invalid", report.errors()), report));
            return true;
        } catch (RuntimeException e) {
            boolean outOfOrder = e instanceof Importer.OutOfOrder;
            if (!outOfOrder && DatabaseFailure.of(e) != DatabaseFailure.DEADLOCK) {
                throw e;
            }
            LOG.info(() -> String.format("Import job %d (%s) runs again in two passes: %s", job.id(), job.kind(),
                    outOfOrder ? e.getMessage() : "its writing met another job's locks"));
            problems.clear(job.orgId(), job.id());
            report.restart();
            progress.read.set(0);
            progress.done.set(0);
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
                    progress.done.incrementAndGet();
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
        progress.total.set(Math.max(0, lastRow - header.number()));
    }

    private void inTwoPasses(ImportJob job, Claim claim, Importer importer, Path file, ImportReport report,
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
                progress.done.incrementAndGet();
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
            if (claim.recordProgress()) {
                heartbeat(claim);
            }
            long rows = progress.read.get();
            if (job.mode() == ImportMode.VALIDATE || report.errors() > 0 && job.mode() == ImportMode.ALL_OR_NOTHING) {
                String outcome = report.errors() == 0 ? text(language, "job.validated", rows)
                        : text(language, job.mode() == ImportMode.VALIDATE ? "job.invalid.validate" : "job.invalid",
                                report.errors());
                end(job, claim, report, progress, capped(outcome, report));
                return;
            }
            write(job, claim, run, spill[0], layout[0], report, progress);
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
    private void write(ImportJob job, Claim claim, Importer.Run run, RowSpill rows, ImportRow.Layout layout,
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
            written(job, claim, run, report, progress, written);
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
    private void written(ImportJob job, Claim claim, Importer.Run run, ImportReport report, ImportProgress progress,
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
        if (!finish(job, claim, JobStatus.SUCCEEDED, progress, written, notWritten, report.errors(), report.warnings(),
                capped(outcome, report))) {
            throw new IllegalStateException("Import job " + job.id() + " was given to another node meanwhile");
        }
    }

    /**
     * Ends the job without writing (a dry run, errors in all-or-nothing mode, a refusal). A job that was to write and
     * did not left every row it read unwritten; a dry run counts the rows that would not be written, those with errors.
     */
    private void end(ImportJob job, Claim claim, ImportReport report, ImportProgress progress, String outcome) {
        boolean failed = report.errors() > 0;
        long notWritten = !failed ? 0
                : job.mode() == ImportMode.VALIDATE ? report.rowsWithErrors()
                        : Math.max(progress.read.get(), report.rowsWithErrors());
        transactions.inNew(() -> {
            finish(job, claim, failed ? JobStatus.FAILED : JobStatus.SUCCEEDED, progress, 0, notWritten,
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

    /** A streaming run found errors in all-or-nothing mode: what it wrote is rolled back. */
    private static class NothingWritten extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NothingWritten() {
            super(null, null, false, false);
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
