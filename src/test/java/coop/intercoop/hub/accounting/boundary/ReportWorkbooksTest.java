package coop.intercoop.hub.accounting.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.accounting.entity.Statement;
import coop.intercoop.hub.accounting.entity.TrialBalance;
import coop.intercoop.hub.platform.HubTexts;
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
        ResourceBundle english = ResourceBundle.getBundle(ReportWorkbook.TITLES, Locale.ROOT, NO_FALLBACK);
        ResourceBundle spanish = ResourceBundle.getBundle(ReportWorkbook.TITLES, HubTexts.SPANISH, NO_FALLBACK);
        Set<String> keys = new HashSet<>();
        for (ReportWorkbook<?> workbook : ReportWorkbooks.ALL) {
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

    private static XSSFWorkbook written(ReportWorkbook<FinancialStatements.StatementReport> workbook,
            FinancialStatements.StatementReport report) throws IOException {
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
