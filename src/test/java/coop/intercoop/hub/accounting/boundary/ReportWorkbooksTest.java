package coop.intercoop.hub.accounting.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import coop.intercoop.hub.accounting.control.Reports;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.spreadsheet.control.SheetWriter;

/** The exported workbooks name journals as the portal does, in the workbooks' language (Spanish). */
class ReportWorkbooksTest {

    @Test
    void aLedgerLineNamesItsJournalAsThePortalDoes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter xlsx = new SheetWriter(out)) {
            xlsx.sheet("Mayor 572", ReportWorkbooks.LEDGER);
            ReportWorkbooks.ledgerLine(xlsx, new Reports.LedgerLine(1, 1, LocalDate.of(2025, 3, 1), Journal.BANK,
                    "Cobro", "572", null, new BigDecimal("10.00"), BigDecimal.ZERO, new BigDecimal("10.00")));
            xlsx.finish();
        }
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals("Bancos", read.getSheetAt(0).getRow(1).getCell(2).getStringCellValue());
        }
    }
}
