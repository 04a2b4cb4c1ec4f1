package coop.intercoop.hub.spreadsheet.control;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

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
    ImportFiles files;

    @Inject
    ImportProblems problems;

    @Inject
    ImportSettings settings;

    @Inject
    Importers importers;

    /**
     * The template of a kind: one bold, frozen header per column, drop-down lists where the kind has them (kept on a
     * hidden sheet) and example rows. A template is small, so POI's in-memory workbook builds it.
     */
    public void template(Importer importer, Locale language, OutputStream out) throws IOException {
        List<Headers.Column> columns = importer.columns();
        Importer.Template template = importer.template(language);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet(ImportTexts.format(importer.texts(), language, "template.sheet"));
            XSSFSheet lists = workbook.createSheet("listas");
            workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(ImportTexts.format(importer.texts(), language, "column." + columns.get(i).key()));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, 18 * 256);
            }
            sheet.createFreezePane(0, 1);
            int n = 1;
            for (Map<String, Object> example : template.examples()) {
                Row row = sheet.createRow(n++);
                for (int i = 0; i < columns.size(); i++) {
                    Object value = example.get(columns.get(i).key());
                    if (value instanceof BigDecimal number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    } else if (value instanceof LocalDate day) {
                        Cell cell = row.createCell(i);
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    } else if (value != null) {
                        row.createCell(i).setCellValue(value.toString());
                    }
                }
            }
            int listColumn = 0;
            for (int i = 0; i < columns.size(); i++) {
                List<String> values = template.lists().get(columns.get(i).key());
                if (values == null) {
                    continue;
                }
                for (int v = 0; v < values.size(); v++) {
                    Row row = lists.getRow(v) == null ? lists.createRow(v) : lists.getRow(v);
                    row.createCell(listColumn).setCellValue(values.get(v));
                }
                String letter = ImportRow.Layout.letter(listColumn++);
                DataValidationHelper helper = sheet.getDataValidationHelper();
                DataValidation validation = helper.createValidation(
                        helper.createFormulaListConstraint(
                                "listas!$" + letter + "$1:$" + letter + "$" + Math.max(1, values.size())),
                        new CellRangeAddressList(1, SheetWriter.MAX_ROWS - 1, i, i));
                validation.setShowErrorBox(true);
                sheet.addValidationData(validation);
            }
            workbook.write(out);
        }
    }

    /**
     * The job's workbook as uploaded — its first sheet, values as they were — with a last column holding each row's
     * errors, so the person corrects the rows in place and uploads the workbook again. Every row keeps its place (blank
     * rows stay blank), so a row number of the validation report is the row's number here too, and the sheet declares
     * the uploaded sheet's extent, so the import of the corrected workbook shows its progress. Rows and problems are
     * read together in row order, so memory does not grow with the workbook.
     */
    public void withErrors(ImportJob job, OutputStream out) throws IOException {
        Path file = Files.createTempFile(Files.createDirectories(settings.workDir()), "errors-" + job.id() + "-",
                ".xlsx");
        try {
            try (OutputStream copy = Files.newOutputStream(file)) {
                files.copy(job.orgId(), job.id(), copy);
            }
            try (XlsxReader reader = XlsxReader.open(file, settings.limits());
                    SheetWriter writer = new SheetWriter();
                    ProblemCursor problems = new ProblemCursor(job)) {
                Locale language = Locale.forLanguageTag(job.language());
                String errorsHeader = ImportTexts.format(ImportTexts.SPREADSHEET, language, "errors.column");
                List<Headers.Column> expected = importers.of(job.kind()).columns();
                int lastRow = reader.lastRowDeclared(0);
                boolean[] started = { false };
                int[] width = { 0 };
                Headers.Kind[][] kinds = { new Headers.Kind[0] };
                reader.read(0, row -> {
                    if (!started[0]) {
                        started[0] = true;
                        width[0] = row.cells().isEmpty() ? 0 : row.cells().get(row.cells().size() - 1).column() + 1;
                        kinds[0] = new Headers.Kind[width[0]];
                        List<SheetWriter.Column> columns = new ArrayList<>();
                        for (int i = 0; i < width[0]; i++) {
                            CellValue cell = row.at(i);
                            String header = cell == null ? "" : Values.text(cell);
                            kinds[0][i] = Headers.named(header, expected).map(Headers.Column::kind).orElse(null);
                            columns.add(column(header, kinds[0][i]));
                        }
                        columns.add(SheetWriter.Column.text(errorsHeader, 60));
                        writer.sheet(row.sheet(), columns, row.number(), lastRow);
                        return;
                    }
                    Object[] values = new Object[width[0] + 1];
                    for (XlsxReader.Cell cell : row.cells()) {
                        if (cell.column() < width[0]) {
                            values[cell.column()] = value(cell.value(), kinds[0][cell.column()], reader.isDate1904());
                        }
                    }
                    values[width[0]] = problems.messagesOf(row.number());
                    writer.rowAt(row.number(), values);
                });
                writer.writeTo(out);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * A column of the returned workbook: amounts as amounts, dates as dates, a column the import reads as text (codes,
     * tax ids, CCCs, references) as text, and a column it does not read with its numbers as they were (General).
     */
    private static SheetWriter.Column column(String header, Headers.Kind kind) {
        if (kind == null) {
            return SheetWriter.Column.number(header, 14);
        }
        return switch (kind) {
            case AMOUNT -> new SheetWriter.Column(header, SheetWriter.Type.AMOUNT, 14);
            case DATE -> new SheetWriter.Column(header, SheetWriter.Type.DATE, 12);
            case TEXT -> SheetWriter.Column.text(header, 14);
        };
    }

    /** A cell's value as uploaded; a number in a text column stays the text it shows (5720001, not 5.720.001,00). */
    private static Object value(CellValue value, Headers.Kind kind, boolean date1904) {
        return switch (value.kind()) {
            case NUMBER -> kind == Headers.Kind.TEXT ? Values.text(value)
                    : value.dateFormatted() ? Values.date(value, date1904) : new BigDecimal(value.raw());
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
            List<ImportProblem> page = problems.page(job.orgId(), job.id(), offset, 5_000);
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
