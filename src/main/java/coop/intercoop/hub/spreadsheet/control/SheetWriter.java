package coop.intercoop.hub.spreadsheet.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes an xlsx workbook to a stream, one sheet after another and one row at a time, keeping only the last
 * {@value #WINDOW} rows in memory (the rest go to compressed temporary files, removed on {@link #close()}). Each sheet
 * has a bold header row that stays in view and an autofilter over its data rows; amounts are numbers shown as
 * {@code #,##0.00}, dates real dates shown as {@code dd/mm/yyyy}.
 * <p>
 * Formula injection (OWASP "CSV injection"): text is always written as a text cell, and text a spreadsheet would take
 * for a formula or a command (beginning with {@code = + - @}, a tab or a carriage return) is also quote-prefixed, so
 * editing the cell keeps it text. Numbers are never text: a negative amount stays a number.
 *
 * <pre>
 * try (SheetWriter xlsx = new SheetWriter()) {
 *     xlsx.sheet("Balance", List.of(Column.text("Cuenta"), Column.amount("Saldo")));
 *     xlsx.row("570", new BigDecimal("12.50"));
 *     xlsx.totals("Total", new BigDecimal("12.50"));
 *     xlsx.writeTo(out);
 * }
 * </pre>
 */
public class SheetWriter implements AutoCloseable {

    /** Rows kept in memory per sheet. */
    public static final int WINDOW = 100;
    /** The largest number of rows of an xlsx sheet, header included. */
    public static final int MAX_ROWS = 1_048_576;

    /** What a column holds, which decides its cell type and number format. */
    public enum Type {
        TEXT, AMOUNT, INTEGER, DATE,
        /** Whatever the value is, as a spreadsheet shows it by default (numbers in the General format). */
        GENERAL
    }

    /**
     * A column: its header and type; {@code width} in characters.
     */
    public record Column(String header, Type type, int width) {
        public static Column text(String header) {
            return new Column(header, Type.TEXT, Math.max(12, header.length() + 2));
        }

        public static Column text(String header, int width) {
            return new Column(header, Type.TEXT, width);
        }

        public static Column amount(String header) {
            return new Column(header, Type.AMOUNT, Math.max(14, header.length() + 2));
        }

        public static Column integer(String header) {
            return new Column(header, Type.INTEGER, Math.max(8, header.length() + 2));
        }

        public static Column date(String header) {
            return new Column(header, Type.DATE, 12);
        }
    }

    private final SXSSFWorkbook workbook;
    private final CellStyle header;
    private final CellStyle quoted;
    private final CellStyle quotedBold;
    private final CellStyle boldText;
    private final Map<Type, CellStyle> plain = new EnumMap<>(Type.class);
    private final Map<Type, CellStyle> bold = new EnumMap<>(Type.class);

    private SXSSFSheet sheet;
    private List<Column> columns;
    private int next;
    private int lastData;

    public SheetWriter() {
        workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        Font boldFont = workbook.createFont();
        boldFont.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(boldFont);
        quoted = workbook.createCellStyle();
        quoted.setQuotePrefixed(true);
        quotedBold = workbook.createCellStyle();
        quotedBold.setQuotePrefixed(true);
        quotedBold.setFont(boldFont);
        boldText = workbook.createCellStyle();
        boldText.setFont(boldFont);
        short amount = workbook.createDataFormat().getFormat("#,##0.00");
        short integer = workbook.createDataFormat().getFormat("0");
        short date = workbook.createDataFormat().getFormat("dd/mm/yyyy");
        for (Type type : Type.values()) {
            CellStyle p = workbook.createCellStyle();
            CellStyle b = workbook.createCellStyle();
            b.setFont(boldFont);
            short format = switch (type) {
                case AMOUNT -> amount;
                case INTEGER -> integer;
                case DATE -> date;
                case TEXT, GENERAL -> 0;
            };
            p.setDataFormat(format);
            b.setDataFormat(format);
            plain.put(type, p);
            bold.put(type, b);
        }
    }

    /**
     * Starts a sheet, finishing the one before, and writes its header row.
     *
     * @param name
     *            at most 31 characters, without {@code : \ / ? * [ ]}
     */
    public SheetWriter sheet(String name, List<Column> columns) {
        finishSheet();
        this.sheet = workbook.createSheet(name);
        this.columns = List.copyOf(columns);
        this.next = 0;
        this.lastData = -1;
        Row row = sheet.createRow(next++);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, Math.min(255, columns.get(i).width()) * 256);
        }
        sheet.createFreezePane(0, 1);
        return this;
    }

    /** Writes a data row; values in column order, null for an empty cell. */
    public SheetWriter row(Object... values) {
        write(values, false);
        lastData = next - 1;
        return this;
    }

    /** Writes a bold data row: a heading or a subtotal among the data, inside the autofilter. */
    public SheetWriter boldRow(Object... values) {
        write(values, true);
        lastData = next - 1;
        return this;
    }

    /** Writes a bold row after the data, outside the autofilter: totals, a closing balance. */
    public SheetWriter totals(Object... values) {
        write(values, true);
        return this;
    }

    /**
     * Lets the cells of a column below the header be only one of {@code values}, picked from a drop-down list (the
     * values are kept in a hidden sheet, so the list has no length limit).
     */
    public SheetWriter listValidation(int column, List<String> values) {
        if (sheet == null) {
            throw new IllegalStateException("Start a sheet before adding a list");
        }
        String listName = "list" + (workbook.getNumberOfSheets());
        SXSSFSheet lists = workbook.createSheet(listName);
        for (int i = 0; i < values.size(); i++) {
            lists.createRow(i).createCell(0).setCellValue(values.get(i));
        }
        workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(
                helper.createFormulaListConstraint(listName + "!$A$1:$A$" + Math.max(1, values.size())),
                new CellRangeAddressList(1, MAX_ROWS - 1, column, column));
        validation.setShowErrorBox(true);
        sheet.addValidationData(validation);
        return this;
    }

    /** Sets the workbook's title, shown by spreadsheet applications in the document's properties. */
    public SheetWriter title(String title) {
        workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(title);
        return this;
    }

    /** How many rows the current sheet has, header included. */
    public int rows() {
        return next;
    }

    /** Finishes the workbook and writes it to {@code out}, which stays open. */
    public void writeTo(OutputStream out) throws IOException {
        finishSheet();
        workbook.write(out);
    }

    /** Removes the temporary files. */
    @Override
    public void close() {
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Object[] values, boolean emphasised) {
        if (sheet == null) {
            throw new IllegalStateException("Start a sheet before writing rows");
        }
        if (values.length > columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        if (next >= MAX_ROWS) {
            throw new SheetFullException(sheet.getSheetName());
        }
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                cell(row.createCell(i), columns.get(i).type(), values[i], emphasised);
            }
        }
    }

    private void cell(Cell cell, Type type, Object value, boolean emphasised) {
        Map<Type, CellStyle> styles = emphasised ? bold : plain;
        if (value instanceof BigDecimal amount) {
            cell.setCellValue(amount.doubleValue());
            cell.setCellStyle(styles.get(type == Type.TEXT ? Type.AMOUNT : type));
            if (type == Type.GENERAL && !emphasised) {
                cell.setCellStyle(null);
            }
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(styles.get(type == Type.TEXT ? Type.INTEGER : type));
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.get(Type.DATE));
        } else {
            String text = value.toString();
            cell.setCellValue(text);
            if (isFormulaLike(text)) {
                cell.setCellStyle(emphasised ? quotedBold : quoted);
            } else if (emphasised) {
                cell.setCellStyle(boldText);
            }
        }
    }

    /** Text a spreadsheet application would take for a formula or a command when it is typed or imported. */
    public static boolean isFormulaLike(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private void finishSheet() {
        if (sheet != null && lastData >= 1) {
            sheet.setAutoFilter(new CellRangeAddress(0, lastData, 0, columns.size() - 1));
        } else if (sheet != null) {
            sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.size() - 1));
        }
        sheet = null;
    }

    /** More rows than an xlsx sheet holds. */
    public static class SheetFullException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public SheetFullException(String sheet) {
            super("The sheet " + sheet + " is full: an xlsx sheet holds at most " + MAX_ROWS + " rows.");
        }
    }
}
