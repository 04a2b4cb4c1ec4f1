package coop.intercoop.hub.spreadsheet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import coop.intercoop.hub.accounting.control.JournalImport;
import coop.intercoop.hub.spreadsheet.entity.ImportJob;
import coop.intercoop.hub.spreadsheet.entity.ImportMode;
import coop.intercoop.hub.spreadsheet.entity.ImportProblem;
import coop.intercoop.hub.platform.jobs.JobStatus;
import coop.intercoop.hub.testing.Workbooks;

/** The workbook returned with the errors keeps each value as the import reads it. */
class ImportWorkbooksTest {

    @TempDir
    Path dir;

    @Test
    void codesTaxIdsCccsAndReferencesStayTextInTheErrorWorkbook() throws IOException {
        byte[] upload = Workbooks.of(
                List.of("Asiento", "Fecha", "Diario", "Cuenta", "Concepto", "Debe", "Documento", "NIF tercero",
                        "Centro de trabajo", "Observaciones"),
                List.<Object[]> of(new Object[] { 1, LocalDate.of(2025, 3, 1), "Bancos", 5720001, "Pago",
                        new BigDecimal("1234.5"), 20250001, 12345678, 28123456789L, 42 }));
        ImportWorkbooks workbooks = new ImportWorkbooks();
        workbooks.files = new ImportFiles() {
            @Override
            public void copy(long orgId, long jobId, OutputStream out) {
                try {
                    out.write(upload);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        workbooks.problems = new ImportProblems() {
            @Override
            public List<ImportProblem> page(long orgId, long jobId, int first, int max) {
                return first > 0 ? List.of()
                        : List.of(new ImportProblem(ImportProblem.Severity.ERROR, "Hoja1", 2, "D (Cuenta)",
                                "la cuenta 5720001 no existe"));
            }
        };
        workbooks.importers = new Importers() {
            @Override
            public Importer of(String kind) {
                return new JournalImport();
            }
        };
        workbooks.settings = new ImportSettings();
        workbooks.settings.workDir = dir.toString();
        workbooks.settings.maxFileBytes = 10_000_000;
        workbooks.settings.maxRows = 1_000;
        workbooks.settings.minInflateRatio = 0.01;
        workbooks.settings.maxEntryBytes = 100_000_000;
        workbooks.settings.maxTextChars = 1_000_000;
        workbooks.settings.stringsHeapBytes = XlsxReader.Limits.STRINGS_HEAP_BYTES;
        ImportJob job = new ImportJob(9, 1, JournalImport.KIND, ImportMode.ALL_OR_NOTHING, JobStatus.FAILED,
                "asientos.xlsx", upload.length, "0".repeat(64), false, "es", 7, Instant.now(), Instant.now(),
                Instant.now(), 1, null, 1, 1, 0, 0, 1, 0, null);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbooks.withErrors(job, out);

        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row row = read.getSheetAt(0).getRow(1);
            DataFormatter shown = new DataFormatter(java.util.Locale.forLanguageTag("es"));
            for (int column : new int[] { 0, 3, 6, 7, 8 }) {
                Cell cell = row.getCell(column);
                assertEquals(CellType.STRING, cell.getCellType(),
                        "column " + column + ": " + shown.formatCellValue(cell));
            }
            assertEquals("5720001", row.getCell(3).getStringCellValue());
            assertEquals("20250001", row.getCell(6).getStringCellValue());
            assertEquals("12345678", row.getCell(7).getStringCellValue());
            assertEquals("28123456789", row.getCell(8).getStringCellValue());
            // amounts stay amounts, dates dates, and a column the import does not read keeps its number as it was
            assertEquals(CellType.NUMERIC, row.getCell(5).getCellType());
            assertEquals("#,##0.00", row.getCell(5).getCellStyle().getDataFormatString());
            assertEquals(LocalDate.of(2025, 3, 1), row.getCell(1).getLocalDateTimeCellValue().toLocalDate());
            assertEquals("42", shown.formatCellValue(row.getCell(9)));
            assertTrue(row.getCell(10).getStringCellValue().contains("5720001"));
        }
    }
}
