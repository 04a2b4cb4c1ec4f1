package coop.intercoop.hub.spreadsheet.control;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.spreadsheet.control.XlsxReader.CellValue;
import coop.intercoop.hub.spreadsheet.entity.ImportJob;
import coop.intercoop.hub.spreadsheet.entity.ImportProblem;

/**
 * The workbooks around an import: the template of a kind (headers in the person's language, drop-down lists, an
 * example) and a job's workbook returned with an added column listing each row's errors, both streamed.
 */
@Dependent
public class ImportWorkbooks {

    @Inject
    ImportJobs jobs;

    @Inject
    ImportSettings settings;

    /** The template of a kind: one header per column, its lists and example rows. */
    public void template(Importer importer, Locale language, OutputStream out) throws IOException {
        List<Headers.Column> columns = importer.columns();
        Importer.Template template = importer.template(language);
        try (SheetWriter writer = new SheetWriter()) {
            List<SheetWriter.Column> headers = new ArrayList<>();
            for (Headers.Column column : columns) {
                headers.add(SheetWriter.Column
                        .text(ImportTexts.format(importer.texts(), language, "column." + column.key()), 16));
            }
            writer.sheet(ImportTexts.format(importer.texts(), language, "template.sheet"), headers);
            for (Map<String, Object> example : template.examples()) {
                writer.row(columns.stream().map(c -> example.get(c.key())).toArray());
            }
            for (int i = 0; i < columns.size(); i++) {
                List<String> list = template.lists().get(columns.get(i).key());
                if (list != null) {
                    writer.listValidation(i, list);
                }
            }
            writer.writeTo(out);
        }
    }

    /**
     * The job's workbook as uploaded — its first sheet, values as they were — with a last column holding each row's
     * errors, so the person corrects the rows in place and uploads the workbook again. Rows and problems are read
     * together in row order, so memory does not grow with the workbook.
     */
    public void withErrors(ImportJob job, OutputStream out) throws IOException {
        Path file = Files.createTempFile(Files.createDirectories(settings.workDir()), "errors-" + job.id() + "-",
                ".xlsx");
        try {
            try (OutputStream copy = Files.newOutputStream(file)) {
                jobs.copyFile(job.orgId(), job.id(), copy);
            }
            try (XlsxReader reader = XlsxReader.open(file, settings.limits());
                    SheetWriter writer = new SheetWriter();
                    ProblemCursor problems = new ProblemCursor(job)) {
                Locale language = Locale.forLanguageTag(job.language());
                String errorsHeader = ImportTexts.format(ImportTexts.SPREADSHEET, language, "errors.column");
                boolean[] started = { false };
                int[] width = { 0 };
                reader.read(0, row -> {
                    if (!started[0]) {
                        started[0] = true;
                        width[0] = row.cells().isEmpty() ? 0 : row.cells().get(row.cells().size() - 1).column() + 1;
                        List<SheetWriter.Column> columns = new ArrayList<>();
                        for (int i = 0; i < width[0]; i++) {
                            CellValue header = row.at(i);
                            columns.add(new SheetWriter.Column(header == null ? "" : Values.text(header),
                                    SheetWriter.Type.GENERAL, 14));
                        }
                        columns.add(SheetWriter.Column.text(errorsHeader, 60));
                        writer.sheet(row.sheet(), columns);
                        return;
                    }
                    Object[] values = new Object[width[0] + 1];
                    for (XlsxReader.Cell cell : row.cells()) {
                        if (cell.column() < width[0]) {
                            values[cell.column()] = value(cell.value(), reader.isDate1904());
                        }
                    }
                    values[width[0]] = problems.messagesOf(row.number());
                    writer.row(values);
                });
                writer.writeTo(out);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Object value(CellValue value, boolean date1904) {
        return switch (value.kind()) {
            case NUMBER -> value.dateFormatted() ? Values.date(value, date1904) : new BigDecimal(value.raw());
            case TEXT, BOOLEAN, ERROR -> value.raw();
        };
    }

    /** The job's errors in row order, read alongside the rows. */
    private final class ProblemCursor implements AutoCloseable {
        private final ImportJob job;
        private final TreeMap<Integer, List<String>> window = new TreeMap<>();
        private int loadedUpTo = -1;
        private int offset;

        ProblemCursor(ImportJob job) {
            this.job = job;
        }

        /** The errors of one row joined, or null; rows are asked for in increasing order. */
        String messagesOf(int row) {
            window.headMap(row).clear();
            while (row > loadedUpTo && load()) {
                window.headMap(row).clear();
            }
            List<String> messages = window.remove(row);
            return messages == null ? null : String.join("; ", messages);
        }

        private boolean load() {
            List<ImportProblem> page = jobs.problems(job.orgId(), job.id(), offset, 5_000);
            offset += page.size();
            for (ImportProblem p : page) {
                if (p.row() != null && p.severity() == ImportProblem.Severity.ERROR) {
                    window.computeIfAbsent(p.row(), r -> new ArrayList<>())
                            .add(p.column() == null ? p.message() : p.column() + ": " + p.message());
                    loadedUpTo = Math.max(loadedUpTo, p.row());
                }
            }
            if (page.size() < 5_000) {
                loadedUpTo = Integer.MAX_VALUE;
                return false;
            }
            return true;
        }

        @Override
        public void close() {
            window.clear();
        }
    }
}
