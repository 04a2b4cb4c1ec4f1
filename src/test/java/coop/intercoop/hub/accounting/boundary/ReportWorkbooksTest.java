package coop.intercoop.hub.accounting.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import coop.intercoop.hub.accounting.control.Consolidation;
import coop.intercoop.hub.accounting.control.FinancialStatements;
import coop.intercoop.hub.accounting.control.JournalAndLedger;
import coop.intercoop.hub.accounting.entity.EquityChanges;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.accounting.entity.Statement;
import coop.intercoop.hub.accounting.entity.TrialBalance;
import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.spreadsheet.boundary.Workbook;
import coop.intercoop.hub.spreadsheet.control.SheetWriter;

/**
 * Each report's workbook is described once: a title in both languages, its columns, a file name that does not depend on
 * the reader's language; the sheets name journals as the portal does in Spanish, the books' language.
 */
class ReportWorkbooksTest {

    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Test
    void everyReportsWorkbookHasATitleInBothLanguagesAndItsColumns() {
        ResourceBundle english = ResourceBundle.getBundle(ReportWorkbooks.TITLES, Locale.ROOT, NO_FALLBACK);
        ResourceBundle spanish = ResourceBundle.getBundle(ReportWorkbooks.TITLES, HubTexts.SPANISH, NO_FALLBACK);
        Set<String> keys = new HashSet<>();
        for (Workbook<?> workbook : ReportWorkbooks.ALL) {
            String key = workbook.titleKey();
            assertTrue(keys.add(key), "one title per workbook: " + key);
            assertTrue(english.keySet().contains(key), "English title " + key);
            assertNotEquals(english.getString(key), spanish.getString(key), key);
            assertFalse(workbook.columns().isEmpty(), "columns of " + key);
        }
    }

    @Test
    void aTrialBalanceIsTitledInTheReadersLanguageAndNamedTheSameInBoth() {
        TrialBalance tb = new TrialBalance(LocalDate.of(2025, 12, 31), LocalDate.of(2025, 1, 1), "3",
                new TrialBalance.Excluded(true, false), List.of(), null);
        assertEquals("Balance de sumas y saldos del 01/01/2025 al 31/12/2025, nivel 3, sin asientos de cierre",
                ReportWorkbooks.TRIAL_BALANCE.title(tb, HubTexts.SPANISH));
        assertEquals("Trial balance from 01/01/2025 to 31/12/2025, level 3, without the closing entries",
                ReportWorkbooks.TRIAL_BALANCE.title(tb, Locale.ENGLISH));
        assertEquals("Trial balance from 01/01/2025 to 31/12/2025, level 3", ReportWorkbooks.TRIAL_BALANCE.title(
                new TrialBalance(tb.date(), tb.from(), "3", new TrialBalance.Excluded(false, false), List.of(), null),
                Locale.ENGLISH));
        assertEquals("sumas-y-saldos-12-nivel-3-2025-12-31", ReportWorkbooks.TRIAL_BALANCE.fileName(12, tb));
    }

    @Test
    void aConsortiumsTrialBalanceNamesTheMembersSummedAndLeftOutInItsTitle() {
        Consolidation.Consolidated tb = new Consolidation.Consolidated(LocalDate.of(2025, 6, 30), "posting",
                List.of(2L), List.of(new Consolidation.Span(2, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30))),
                List.of(), null);
        var export = new ReportWorkbooks.ConsolidatedExport(tb, "UTE Norte",
                List.of(new Consolidation.Party(2, "G2", "Dos")), List.of(new Consolidation.Party(3, "G3", "Tres")));
        assertEquals(
                "Balance de sumas y saldos consolidado a 30/06/2025, nivel posting, consorcio UTE Norte: "
                        + "Dos (G2); sin incluir Tres (G3)",
                ReportWorkbooks.CONSOLIDATED.title(export, HubTexts.SPANISH));
        assertEquals("Consolidated trial balance at 30/06/2025, level posting, consortium UTE Norte: Dos (G2); "
                + "not included Tres (G3)", ReportWorkbooks.CONSOLIDATED.title(export, Locale.ENGLISH));
    }

    @Test
    void aStatementIsTitledInTheReadersLanguage() {
        var sheet = new FinancialStatements.StatementReport("pymesfl-balance", "abbreviated", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), null, null, List.of(), List.of());
        assertEquals("Balance a 31/12/2025, modelo pymesfl-balance (abreviado)",
                ReportWorkbooks.BALANCE_SHEET.title(sheet, HubTexts.SPANISH));
        assertEquals("Balance sheet at 31/12/2025, model pymesfl-balance (abbreviated)",
                ReportWorkbooks.BALANCE_SHEET.title(sheet, Locale.ENGLISH));
        assertEquals("Results account from 01/01/2025 to 31/12/2025, model pymesfl-balance (abbreviated)",
                ReportWorkbooks.RESULTS.title(sheet, Locale.ENGLISH));
        assertEquals("cuenta-de-resultados-5-2025-01-01-2025-12-31", ReportWorkbooks.RESULTS.fileName(5, sheet));
    }

    /**
     * A statement's sheet has the official models' columns, caption, note reference (empty, for the accountant), this
     * period and the previous one, headed with their dates; without a previous year its cells are empty, not zero.
     */
    @Test
    void aStatementsSheetHasTheModelsColumnsHeadedWithTheirPeriods() throws IOException {
        List<Statement.Amount> lines = List.of(
                new Statement.Amount("ACTIVO", "TOTAL ACTIVO (A+B)", 0, new BigDecimal("1200.00"),
                        new BigDecimal("900.00")),
                new Statement.Amount("B.VIII", "VIII. Efectivo", 2, new BigDecimal("1200.00"), new BigDecimal("0.00")));
        var balance = new FinancialStatements.StatementReport("m", "normal", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), lines, List.of());
        try (XSSFWorkbook read = written(ReportWorkbooks.BALANCE_SHEET, balance)) {
            XSSFSheet sheet = read.getSheetAt(0);
            assertEquals(List.of("Concepto", "Notas", "31/12/2025", "31/12/2024"), texts(sheet.getRow(0)));
            assertEquals("TOTAL ACTIVO (A+B)", sheet.getRow(1).getCell(0).getStringCellValue());
            assertBlank(sheet.getRow(1).getCell(1));
            assertEquals(1200.00, sheet.getRow(1).getCell(2).getNumericCellValue());
            assertEquals(900.00, sheet.getRow(1).getCell(3).getNumericCellValue());
            assertEquals("VIII. Efectivo", sheet.getRow(2).getCell(0).getStringCellValue().strip());
            assertEquals(CellType.NUMERIC, sheet.getRow(2).getCell(3).getCellType());
            assertEquals(0.00, sheet.getRow(2).getCell(3).getNumericCellValue());
        }
        try (XSSFWorkbook read = written(ReportWorkbooks.RESULTS, balance)) {
            assertEquals(List.of("Concepto", "Notas", "01/01/2025 - 31/12/2025", "01/01/2024 - 31/12/2024"),
                    texts(read.getSheetAt(0).getRow(0)));
        }
        var firstYear = new FinancialStatements.StatementReport("m", "abbreviated", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), null, null,
                List.of(new Statement.Amount("ACTIVO", "TOTAL ACTIVO (A+B)", 0, new BigDecimal("1200.00"), null)),
                List.of());
        try (XSSFWorkbook read = written(ReportWorkbooks.RESULTS, firstYear)) {
            XSSFSheet sheet = read.getSheetAt(0);
            assertEquals(List.of("Concepto", "Notas", "01/01/2025 - 31/12/2025", "Ejercicio anterior"),
                    texts(sheet.getRow(0)));
            assertEquals(1200.00, sheet.getRow(1).getCell(2).getNumericCellValue());
            assertBlank(sheet.getRow(1).getCell(3));
        }
    }

    /**
     * A PYMES's first year with 3,000 of capital opened and 100 contributed by the owners (572 / 118): the statement of
     * changes in equity as the model prints it, the header in two rows (Capital over Escriturado and No exigido, the
     * other columns in the upper row), every row and column, the previous year's rows empty, the TOTAL last.
     */
    static FinancialStatements.EquityChangesReport firstYearOfAPymes() throws IOException {
        EquityChanges model = EquityChanges.parse("pgc-pymes-equity-changes", "pgc-pymes-equity-changes.csv",
                Files.readAllLines(Path.of("config/statements/pgc-pymes-equity-changes.csv"), StandardCharsets.UTF_8));
        EquityChanges.Grid grid = model.compute(2025,
                Map.of("100", new BigDecimal("-3000.00"), "572", new BigDecimal("3000.00")), null,
                List.of(EquityChanges.Entry.of(new EquityChanges.Posting("572", new BigDecimal("100.00"), null),
                        new EquityChanges.Posting("118", null, new BigDecimal("100.00")))));
        EquityChanges.Blanks blanks = model.blanks(grid);
        return new FinancialStatements.EquityChangesReport(model.name(), "abbreviated", 2025, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), null, null, grid.columns(), grid.rows(), blanks.rows(), blanks.columns());
    }

    @Test
    void theStatementOfChangesInEquityHasTheModelsTwoLevelHeaderEveryRowAndTheTotal() throws IOException {
        FinancialStatements.EquityChangesReport report = firstYearOfAPymes();
        assertEquals(
                "Estado de cambios en el patrimonio neto del ejercicio 2025, del 01/01/2025 al 31/12/2025, modelo "
                        + "pgc-pymes-equity-changes (abreviado)",
                ReportWorkbooks.EQUITY_CHANGES.title(report, HubTexts.SPANISH));
        assertEquals("cambios-patrimonio-neto-7-2025-01-01-2025-12-31",
                ReportWorkbooks.EQUITY_CHANGES.fileName(7, report));
        try (XSSFWorkbook read = written(ReportWorkbooks.EQUITY_CHANGES, report)) {
            XSSFSheet sheet = read.getSheetAt(0);
            List<String> upper = texts(sheet.getRow(0));
            assertEquals(List.of("Concepto", "Capital", "Capital", "Prima de emisión", "Reservas"),
                    upper.subList(0, 5));
            assertEquals("TOTAL", upper.get(upper.size() - 1));
            assertEquals(13, upper.size());
            assertBlank(sheet.getRow(1).getCell(0));
            assertEquals("Escriturado", sheet.getRow(1).getCell(1).getStringCellValue());
            assertEquals("No exigido", sheet.getRow(1).getCell(2).getStringCellValue());
            assertEquals("Prima de emisión", sheet.getRow(1).getCell(3).getStringCellValue());
            assertEquals("A. SALDO, FINAL DEL AÑO 2023", sheet.getRow(2).getCell(0).getStringCellValue());
            assertBlank(sheet.getRow(2).getCell(1));
            assertBlank(sheet.getRow(2).getCell(12));
            // every row of the model, 25, below the two header rows
            assertEquals(26, sheet.getLastRowNum());
            XSSFRow closing = sheet.getRow(26);
            assertEquals("E. SALDO, FINAL DEL AÑO 2025", closing.getCell(0).getStringCellValue());
            assertEquals(3000.00, closing.getCell(1).getNumericCellValue());
            assertEquals(0.00, closing.getCell(2).getNumericCellValue());
            assertEquals(3100.00, closing.getCell(12).getNumericCellValue());
            assertTrue(read.getFontAt(closing.getCell(0).getCellStyle().getFontIndex()).getBold());
        }
    }

    private static <R> XSSFWorkbook written(Workbook<R> workbook, R report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out, report, Locale.ENGLISH);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static List<String> texts(XSSFRow row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }

    private static void assertBlank(XSSFCell cell) {
        assertTrue(cell == null || cell.getCellType() == CellType.BLANK, String.valueOf(cell));
    }

    @Test
    void aLedgerLineNamesItsJournalAsThePortalDoes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter xlsx = new SheetWriter(out)) {
            xlsx.sheet("Mayor 572", ReportWorkbooks.LEDGER.columns());
            ReportWorkbooks.ledgerLine(xlsx,
                    new JournalAndLedger.LedgerLine(1, 1, LocalDate.of(2025, 3, 1), Journal.BANK, "Cobro", "572", null,
                            new BigDecimal("10.00"), BigDecimal.ZERO, new BigDecimal("10.00")));
            xlsx.finish();
        }
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals("Bancos", read.getSheetAt(0).getRow(1).getCell(2).getStringCellValue());
        }
    }
}
