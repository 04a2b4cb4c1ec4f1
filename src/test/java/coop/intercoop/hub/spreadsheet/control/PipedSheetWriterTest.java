package coop.intercoop.hub.spreadsheet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import coop.intercoop.hub.spreadsheet.control.SheetWriter.Column;

class PipedSheetWriterTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void rowsWrittenOnAnotherThreadKeepTheirOrder() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter writer = new PipedSheetWriter(out, executor)) {
            writer.title("Diario");
            writer.sheet("Diario", List.of(Column.integer("N"), Column.amount("Importe")));
            for (int i = 1; i <= 25_000; i++) {
                writer.row(i, new BigDecimal(i + ".01"));
            }
            writer.totals("Total", new BigDecimal("1"));
            writer.finish();
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = book.getSheet("Diario");
            assertEquals(25_001, sheet.getLastRowNum());
            for (int r = 1; r <= 25_000; r += 997) {
                assertEquals(r, (int) sheet.getRow(r).getCell(0).getNumericCellValue());
            }
            assertEquals("Total", sheet.getRow(25_001).getCell(0).getStringCellValue());
            assertEquals("Diario", book.getProperties().getCoreProperties().getTitle());
        }
    }

    @Test
    void aFailureOfTheWriterReachesTheCaller() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetWriter writer = new PipedSheetWriter(out, executor);
        writer.sheet("Diario", List.of(Column.integer("N")));
        writer.row(1, "one value too many");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> {
            for (int i = 0; i < 10_000; i++) {
                writer.row(i);
            }
            writer.finish();
        });
        assertEquals("2 values for 1 columns", refused.getMessage());
        writer.close();
    }
}
