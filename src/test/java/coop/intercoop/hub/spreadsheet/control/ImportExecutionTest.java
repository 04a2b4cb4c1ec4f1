package coop.intercoop.hub.spreadsheet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.platform.jobs.Claim;
import coop.intercoop.hub.platform.jobs.JobQueue;
import coop.intercoop.hub.platform.jobs.JobStatus;
import coop.intercoop.hub.platform.jobs.JobTransactions;
import coop.intercoop.hub.spreadsheet.entity.ImportJob;
import coop.intercoop.hub.spreadsheet.entity.ImportMode;
import coop.intercoop.hub.spreadsheet.entity.ImportProblem;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * A job's run without a container: the job, its file and its outcome in memory, the person's checks passed, an importer
 * of one column that fails as told. What a failing job leaves for the people who read it is the hub's own sentence,
 * never a library's message, which may quote another organisation's rows.
 */
class ImportExecutionTest {

    @TempDir
    Path dir;

    /** A job, its file and its problems in memory; how it ended. */
    static final class JobInMemory extends ImportJobs {
        final String language;
        final byte[] file;
        final List<ImportProblem> problems = new ArrayList<>();
        JobStatus status;
        String outcome;

        JobInMemory(String language, byte[] file) {
            this.language = language;
            this.file = file;
        }

        @Override
        ImportJob get(long orgId, long id) {
            return new ImportJob(id, 1, "test", ImportMode.ALL_OR_NOTHING, JobStatus.RUNNING, "libro.xlsx", file.length,
                    "0".repeat(64), false, language, 7, Instant.now(), Instant.now(), null, 1, null, 0, 0, 0, 0, 0, 0,
                    null);
        }

        @Override
        void restart(long id) {
            // nothing counted yet
        }

        @Override
        void ended(long id, long read, long written, long skipped, long errors, long warnings, String outcome) {
            this.outcome = outcome;
        }

        @Override
        void outcome(long id, String given) {
            this.outcome = given;
        }

        ImportFiles files() {
            return new ImportFiles() {
                @Override
                public void copy(long orgId, long jobId, OutputStream out) {
                    try {
                        out.write(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        }

        ImportProblems problems() {
            return new ImportProblems() {
                @Override
                void add(long orgId, long jobId, List<ImportProblem> added) {
                    problems.addAll(added);
                }

                @Override
                void clear(long orgId, long jobId) {
                    problems.clear();
                }
            };
        }

        /** The job claimed for its run {@code id}, its end recorded here. */
        Claim claim(long id) {
            return new Claim(new Claim.Queued(id, 1, ImportExecution.KIND, 7, 1), "node", new ImportProgress(),
                    new JobQueue() {
                        @Override
                        public boolean finish(Claim claim, JobStatus ended) {
                            status = ended;
                            return true;
                        }
                    });
        }
    }

    /** An importer of one column, {@code Cuenta}, whose check throws {@code failure} on row 3, Beta's. */
    static Importer failingOn(Throwable failure) {
        return new Importer() {
            @Override
            public String kind() {
                return "test";
            }

            @Override
            public String texts() {
                return ImportTexts.SPREADSHEET;
            }

            @Override
            public List<Headers.Column> columns() {
                return List.of(Headers.Column.required("account", "Cuenta"));
            }

            @Override
            public Set<Role> roles() {
                return Set.of(Role.values());
            }

            @Override
            public Template template(Locale language) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Run start(ImportReport report) {
                return new Run() {
                    @Override
                    public void check(ImportRow row) {
                        if (failure != null && row.number() == 3) {
                            sneakyThrow(failure);
                        }
                    }

                    @Override
                    public void write(ImportRow row) {
                        // nothing is written
                    }

                    @Override
                    public void finish() {
                        // nothing held back
                    }
                };
            }
        };
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> void sneakyThrow(Throwable failure) throws T {
        throw (T) failure;
    }

    private ImportExecution execution(JobInMemory jobs, Importer importer) {
        ImportExecution execution = new ImportExecution();
        execution.jobs = jobs;
        execution.files = jobs.files();
        execution.problems = jobs.problems();
        execution.importers = new Importers() {
            @Override
            public Importer of(String kind) {
                return importer;
            }
        };
        execution.settings = new ImportSettings();
        execution.settings.maxFileBytes = 10_000_000;
        execution.settings.maxRows = 1_000;
        execution.settings.minInflateRatio = 0.01;
        execution.settings.maxEntryBytes = 100_000_000;
        execution.settings.maxTextChars = 1_000_000;
        execution.settings.maxProblems = 1_000;
        execution.settings.workDir = dir.toString();
        execution.settings.stringsHeapBytes = XlsxReader.Limits.STRINGS_HEAP_BYTES;
        execution.tenant = new Tenant() {
            @Override
            public void require(Role... anyOf) {
                // as above
            }
        };
        execution.audit = new AuditTrail() {
            @Override
            public void record(Long orgId, String action, String objectType, String objectId, String detail) {
                // no audit trail without a database
            }
        };
        execution.transactions = new JobTransactions();
        return execution;
    }

    /** A workbook of Alfa's row and Beta's, their texts in the shared-strings table as Excel writes them. */
    private static byte[] twoOrganisations() {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Datos");
            sheet.createRow(0).createCell(0).setCellValue("Cuenta");
            sheet.createRow(1).createCell(0).setCellValue("Alfa 572");
            sheet.createRow(2).createCell(0).setCellValue("Beta 629 nómina de Beta");
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aJobWhoseImporterRunsOutOfMemoryEndsFailedWithTheHubsSentence() {
        JobInMemory jobs = new JobInMemory("es", twoOrganisations());
        ImportExecution execution = execution(jobs, failingOn(new OutOfMemoryError("Java heap space")));

        assertThrows(OutOfMemoryError.class, () -> execution.run(jobs.claim(41)));

        assertEquals(JobStatus.FAILED, jobs.status);
        String sentence = "La importación ha agotado la memoria del hub y no se ha escrito nada; el administrador "
                + "encontrará el detalle en el registro del servidor (trabajo 41).";
        assertEquals(sentence, jobs.outcome);
        assertEquals(List.of(sentence), jobs.problems.stream().map(ImportProblem::message).toList());
    }

    @Test
    void aJobWhoseImporterOverflowsItsStackEndsFailedWithTheHubsSentence() {
        JobInMemory jobs = new JobInMemory("en", twoOrganisations());
        ImportExecution execution = execution(jobs, failingOn(new StackOverflowError()));

        assertThrows(StackOverflowError.class, () -> execution.run(jobs.claim(1041)));

        assertEquals(JobStatus.FAILED, jobs.status);
        assertEquals("The import failed because of an internal error of the hub and nothing was written; the "
                + "administrator will find the details in the server's log (job 1041).", jobs.outcome);
    }

    @Test
    void aLibrarysMessageQuotingTheRowsReachesNeitherTheOutcomeNorTheReport() {
        JobInMemory jobs = new JobInMemory("es", twoOrganisations());
        ImportExecution execution = execution(jobs,
                failingOn(new IllegalStateException("Cannot read row: [Alfa 572, Beta 629 nómina de Beta]")));

        assertThrows(IllegalStateException.class, () -> execution.run(jobs.claim(42)));

        assertEquals(JobStatus.FAILED, jobs.status);
        assertFalse(jobs.outcome.contains("Beta"), jobs.outcome);
        assertFalse(jobs.problems.toString().contains("Beta"), jobs.problems.toString());
        assertEquals("La importación ha fallado por un error interno del hub y no se ha escrito nada; el administrador "
                + "encontrará el detalle en el registro del servidor (trabajo 42).", jobs.outcome);
    }

    @Test
    void aSharedStringIndexOutOfRangeEndsTheJobWithTheHubsSentenceAlone() throws IOException {
        // Beta's row refers to a text the table does not have: POI's error would list the table, Beta's texts included
        byte[] damaged = rewrite(twoOrganisations(), "xl/worksheets/sheet1.xml",
                xml -> xml.replaceFirst("(<c r=\"A3\"[^>]*>)<v>2</v>", "$1<v>99</v>"));
        for (String language : List.of("es", "en")) {
            JobInMemory jobs = new JobInMemory(language, damaged);
            execution(jobs, failingOn(null)).run(jobs.claim(43));

            assertEquals(JobStatus.FAILED, jobs.status);
            String sentence = language.equals("es")
                    ? "La celda A3 de la hoja Datos remite a un texto compartido que el libro no tiene; el libro está "
                            + "dañado."
                    : "The cell A3 of the sheet Datos refers to a shared text the workbook does not have; the "
                            + "workbook is damaged.";
            assertEquals(
                    (language.equals("es") ? "El fichero no se puede leer: " : "The file cannot be read: ") + sentence,
                    jobs.outcome);
            assertEquals(List.of(sentence), jobs.problems.stream().map(ImportProblem::message).toList());
            assertFalse((jobs.outcome + jobs.problems).contains("Alfa"));
        }
    }

    @Test
    void aJobThatMeetsALockWaitTimeoutIsLeftToTheRunnerToQueueAgain() {
        JobInMemory jobs = new JobInMemory("es", twoOrganisations());
        ImportExecution execution = execution(jobs, failingOn(new IllegalStateException(
                new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205))));

        assertThrows(IllegalStateException.class, () -> execution.run(jobs.claim(44)));

        // not ended: the runner queues it again, and its next run starts afresh
        assertEquals(null, jobs.status);
        assertEquals(null, jobs.outcome);
        assertEquals(List.of(), jobs.problems);
    }

    @Test
    void aJobWhoseUploaderMayNoLongerImportThereEndsFailedWithTheReasonInTheReport() {
        JobInMemory jobs = new JobInMemory("en", twoOrganisations());
        ImportExecution execution = execution(jobs, failingOn(null));

        execution.refused(jobs.claim(45), new NotFoundException("organisation", 1));

        assertEquals(JobStatus.FAILED, jobs.status);
        assertEquals("The import failed and nothing was written; the reason is in the report of the person who "
                + "uploaded the file.", jobs.outcome);
        assertEquals(1, jobs.problems.size(), jobs.problems.toString());
        assertEquals(ImportProblem.Severity.ERROR, jobs.problems.get(0).severity());
    }

    @Test
    void aJobGivenUpSaysHowOftenItWasInterruptedInItsLanguage() {
        JobInMemory jobs = new JobInMemory("es", twoOrganisations());

        execution(jobs, failingOn(null)).abandoned(1, 46, 3);

        assertEquals("La importación se interrumpió 3 veces (caída del hub o de la base de datos); no se ha escrito "
                + "nada.", jobs.outcome);
    }

    /** The same workbook with one part's XML rewritten. */
    static byte[] rewrite(byte[] xlsx, String part, UnaryOperator<String> rewrite) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals(part)) {
                    String before = new String(bytes, StandardCharsets.UTF_8);
                    String after = rewrite.apply(before);
                    assertFalse(before.equals(after), "the rewrite changes " + part);
                    bytes = after.getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
