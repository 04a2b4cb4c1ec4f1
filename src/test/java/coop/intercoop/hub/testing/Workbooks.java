package coop.intercoop.hub.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Workbooks made in tests: a header row and data rows of text, numbers and dates, streamed to bytes. */
public final class Workbooks {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Workbooks() {
    }

    /** One sheet: the header, then the rows (null for an empty cell). */
    public static byte[] of(List<String> header, Iterable<Object[]> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.setCompressTempFiles(true);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            SXSSFSheet sheet = workbook.createSheet("Datos");
            Row first = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                first.createCell(i).setCellValue(header.get(i));
            }
            int n = 1;
            for (Object[] values : rows) {
                Row row = sheet.createRow(n++);
                for (int i = 0; i < values.length; i++) {
                    Object value = values[i];
                    if (value instanceof BigDecimal number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    } else if (value instanceof Number number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    } else if (value instanceof LocalDate day) {
                        row.createCell(i).setCellValue(day);
                        row.getCell(i).setCellStyle(date);
                    } else if (value != null) {
                        row.createCell(i).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
