package coop.intercoop.hub.spreadsheet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import coop.intercoop.hub.spreadsheet.control.SheetWriter.Column;

class SheetWriterTest {

    private static XSSFWorkbook written(SheetWriter writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(out);
        writer.close();
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static SheetWriter ledger() {
        SheetWriter writer = new SheetWriter();
        writer.sheet("Mayor", List.of(Column.date("Fecha"), Column.text("Concepto"), Column.amount("Importe")));
        writer.row(LocalDate.of(2025, 3, 31), "=HYPERLINK(\"http://evil\",\"x\")", new BigDecimal("-125.50"));
        writer.row(LocalDate.of(2025, 4, 1), "Cuota abril", new BigDecimal("1234.5"));
        writer.totals(null, "Total", new BigDecimal("1109.00"));
        return writer;
    }

    @Test
    void headerIsBoldFrozenAndFiltersTheDataRows() throws IOException {
        try (XSSFWorkbook book = written(ledger())) {
            XSSFSheet sheet = book.getSheet("Mayor");
            assertEquals("Fecha", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("Importe", sheet.getRow(0).getCell(2).getStringCellValue());
            assertTrue(book.getFontAt(sheet.getRow(0).getCell(1).getCellStyle().getFontIndex()).getBold());
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());
            assertTrue(sheet.getPaneInformation().isFreezePane());
            assertEquals("A1:C3", sheet.getCTWorksheet().getAutoFilter().getRef());
        }
    }

    @Test
    void formulaLikeTextStaysTextAndNegativeAmountsStayNumbers() throws IOException {
        try (XSSFWorkbook book = written(ledger())) {
            XSSFCell text = book.getSheet("Mayor").getRow(1).getCell(1);
            assertEquals(CellType.STRING, text.getCellType());
            assertEquals("=HYPERLINK(\"http://evil\",\"x\")", text.getStringCellValue());
            assertTrue(text.getCellStyle().getQuotePrefixed());
            XSSFCell amount = book.getSheet("Mayor").getRow(1).getCell(2);
            assertEquals(CellType.NUMERIC, amount.getCellType());
            assertEquals(-125.50, amount.getNumericCellValue());
            assertEquals("#,##0.00", amount.getCellStyle().getDataFormatString());
            assertFalse(book.getSheet("Mayor").getRow(2).getCell(1).getCellStyle().getQuotePrefixed());
        }
    }

    @Test
    void datesAreRealDatesShownDayFirst() throws IOException {
        try (XSSFWorkbook book = written(ledger())) {
            XSSFCell date = book.getSheet("Mayor").getRow(1).getCell(0);
            assertTrue(DateUtil.isCellDateFormatted(date));
            assertEquals(LocalDate.of(2025, 3, 31), date.getLocalDateTimeCellValue().toLocalDate());
            assertEquals("dd/mm/yyyy", date.getCellStyle().getDataFormatString());
        }
    }

    @Test
    void totalsRowIsBoldAndOutsideTheFilter() throws IOException {
        try (XSSFWorkbook book = written(ledger())) {
            XSSFCell total = book.getSheet("Mayor").getRow(3).getCell(2);
            assertEquals(1109.00, total.getNumericCellValue());
            assertTrue(book.getFontAt(total.getCellStyle().getFontIndex()).getBold());
            assertEquals("#,##0.00", total.getCellStyle().getDataFormatString());
        }
    }

    @Test
    void boldRowsAmongTheDataStayInsideTheFilterAndTheTitleIsKept() throws IOException {
        SheetWriter writer = new SheetWriter().title("Balance a 31/03/2025");
        writer.sheet("Balance", List.of(Column.text("Concepto"), Column.amount("Importe")));
        writer.boldRow("A) ACTIVO NO CORRIENTE", new BigDecimal("10.00"));
        writer.row("  I. Inmovilizado intangible", new BigDecimal("10.00"));
        try (XSSFWorkbook book = written(writer)) {
            XSSFSheet sheet = book.getSheet("Balance");
            assertTrue(book.getFontAt(sheet.getRow(1).getCell(0).getCellStyle().getFontIndex()).getBold());
            assertFalse(book.getFontAt(sheet.getRow(2).getCell(0).getCellStyle().getFontIndex()).getBold());
            assertEquals("A1:B3", sheet.getCTWorksheet().getAutoFilter().getRef());
            assertEquals("Balance a 31/03/2025", book.getProperties().getCoreProperties().getTitle());
        }
    }

    @Test
    void titleRowsStandAboveTheFrozenFilteredHeader() throws IOException {
        SheetWriter writer = new SheetWriter();
        writer.sheet("Consolidado", List.of("Sumas y saldos consolidado a 30/06/2025", "=Asociación (G12345674)"),
                List.of(Column.text("Cuenta"), Column.amount("Debe")));
        writer.row("572", new BigDecimal("10.00"));
        try (XSSFWorkbook book = written(writer)) {
            XSSFSheet sheet = book.getSheet("Consolidado");
            assertEquals("Sumas y saldos consolidado a 30/06/2025", sheet.getRow(0).getCell(0).getStringCellValue());
            assertTrue(book.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
            assertEquals("=Asociación (G12345674)", sheet.getRow(1).getCell(0).getStringCellValue());
            assertTrue(sheet.getRow(1).getCell(0).getCellStyle().getQuotePrefixed());
            assertEquals(null, sheet.getRow(2));
            assertEquals("Cuenta", sheet.getRow(3).getCell(0).getStringCellValue());
            assertEquals(4, sheet.getPaneInformation().getHorizontalSplitPosition());
            assertEquals("A4:B5", sheet.getCTWorksheet().getAutoFilter().getRef());
        }
    }

    @Test
    void everyInjectionPrefixIsNeutralised() {
        for (String text : new String[] { "=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx" }) {
            assertTrue(SheetWriter.isFormulaLike(text), text);
        }
        assertFalse(SheetWriter.isFormulaLike("Caja, euros"));
        assertFalse(SheetWriter.isFormulaLike(""));
    }

    @Test
    void rowsAreStreamedIntoTheClientsStreamAsTheyAreWritten() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter writer = new SheetWriter(out)) {
            writer.sheet("Diario", List.of(Column.integer("N"), Column.text("Texto")));
            for (int i = 1; i <= 100_000; i++) {
                writer.row(i, "línea " + i);
            }
            assertTrue(out.size() > 0, "nothing reached the stream before the workbook was finished");
            writer.finish();
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = book.getSheet("Diario");
            assertEquals(100_000, sheet.getLastRowNum());
            assertEquals(500.0, sheet.getRow(500).getCell(0).getNumericCellValue());
            assertEquals("línea 100000", sheet.getRow(100_000).getCell(1).getStringCellValue());
            assertEquals("A1:B100001", sheet.getCTWorksheet().getAutoFilter().getRef());
        }
    }

    @Test
    void aFullSheetContinuesOnANewSheetWithTheSameHeader() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter writer = new SheetWriter(out, 4)) {
            writer.sheet("Mayor 5720001", List.of(Column.integer("N"), Column.amount("Importe")));
            for (int i = 1; i <= 7; i++) {
                writer.row(i, new BigDecimal(i + ".10"));
            }
            writer.totals("Total", new BigDecimal("28.70"));
            assertEquals(3, writer.sheets());
            writer.finish();
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(3, book.getNumberOfSheets());
            assertEquals("Mayor 5720001 (2)", book.getSheetName(1));
            XSSFSheet second = book.getSheetAt(1);
            assertEquals("N", second.getRow(0).getCell(0).getStringCellValue());
            assertEquals(4.0, second.getRow(1).getCell(0).getNumericCellValue());
            assertEquals(6.10, second.getRow(3).getCell(1).getNumericCellValue());
            assertEquals("A1:B4", second.getCTWorksheet().getAutoFilter().getRef());
            XSSFSheet last = book.getSheet("Mayor 5720001 (3)");
            assertEquals(7.0, last.getRow(1).getCell(0).getNumericCellValue());
            assertEquals("Total", last.getRow(2).getCell(0).getStringCellValue());
            assertEquals("A1:B2", last.getCTWorksheet().getAutoFilter().getRef());
        }
    }

    @Test
    void amountsKeepTheirDecimalDigitsAndTextIsEscaped() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter writer = new SheetWriter(out)) {
            writer.sheet("Texto", List.of(Column.text("Concepto"), Column.amount("Importe")));
            writer.row("Cuota <socios> & \"amigos\"\u0001", new BigDecimal("12345678901234.57"));
            writer.finish();
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals("Cuota <socios> & \"amigos\"", book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue());
            assertEquals(new BigDecimal("12345678901234.57"),
                    new BigDecimal(book.getSheetAt(0).getRow(1).getCell(1).getRawValue()));
        }
    }

    @Test
    void aSheetKeepingAnotherSheetsPlacesHasItsHeaderRowsAndExtentWhereThatOneHad() throws IOException {
        Path file = Files.createTempFile("in-place", ".xlsx");
        try (SheetWriter writer = new SheetWriter()) {
            writer.sheet("Diario", List.of(Column.text("Cuenta"), Column.text("Errores")), 3, 9);
            writer.rowAt(4, "629", null);
            writer.rowAt(7, "9999", "Cuenta desconocida");
            assertThrows(IllegalArgumentException.class, () -> writer.rowAt(7, "572", null));
            try (var out = Files.newOutputStream(file)) {
                writer.writeTo(out);
            }
        }
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(file));
                XlsxReader reader = XlsxReader.open(file, XlsxReaderTest.LIMITS)) {
            XSSFSheet sheet = book.getSheet("Diario");
            assertNull(sheet.getRow(0));
            assertNull(sheet.getRow(1));
            assertEquals("Cuenta", sheet.getRow(2).getCell(0).getStringCellValue());
            assertEquals("629", sheet.getRow(3).getCell(0).getStringCellValue());
            assertNull(sheet.getRow(4));
            assertEquals("Cuenta desconocida", sheet.getRow(6).getCell(1).getStringCellValue());
            assertEquals(3, sheet.getPaneInformation().getHorizontalSplitPosition());
            assertEquals("A3:B7", sheet.getCTWorksheet().getAutoFilter().getRef());
            assertEquals(9, reader.lastRowDeclared(0));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aSheetOfUnknownExtentDeclaresNone() throws IOException {
        Path file = Files.createTempFile("undeclared", ".xlsx");
        try (SheetWriter writer = ledger();
                var out = Files.newOutputStream(file)) {
            writer.writeTo(out);
        }
        try (XlsxReader reader = XlsxReader.open(file, XlsxReaderTest.LIMITS)) {
            assertEquals(0, reader.lastRowDeclared(0));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
