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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import coop.intercoop.hub.accounting.control.Consolidation;
import coop.intercoop.hub.accounting.control.FinancialStatements;
import coop.intercoop.hub.accounting.control.JournalAndLedger;
import coop.intercoop.hub.accounting.entity.Journal;
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
        var sheet = new FinancialStatements.StatementReport("pymesfl-balance", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), List.of());
        assertEquals("Balance a 31/12/2025, modelo pymesfl-balance",
                ReportWorkbooks.BALANCE_SHEET.title(sheet, HubTexts.SPANISH));
        assertEquals("Balance sheet at 31/12/2025, model pymesfl-balance",
                ReportWorkbooks.BALANCE_SHEET.title(sheet, Locale.ENGLISH));
        assertEquals("Results account from 01/01/2025 to 31/12/2025, model pymesfl-balance",
                ReportWorkbooks.RESULTS.title(sheet, Locale.ENGLISH));
        assertEquals("cuenta-de-resultados-5-2025-01-01-2025-12-31", ReportWorkbooks.RESULTS.fileName(5, sheet));
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
