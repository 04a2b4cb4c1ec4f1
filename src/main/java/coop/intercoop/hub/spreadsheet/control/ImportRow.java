package coop.intercoop.hub.spreadsheet.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import coop.intercoop.hub.spreadsheet.control.XlsxReader.CellValue;

/**
 * One data row of an imported sheet, read by column key: typed values in the notations people use (see {@link Values}),
 * and errors reported with the row number and the column as the spreadsheet shows them. A value that cannot be
 * converted is reported and answered as {@code null}, so a check goes on and finds the row's other problems too.
 */
public final class ImportRow {

    /** Where each column of the sheet is and what its header says, and the workbook's date system. */
    public record Layout(String sheet, Headers.Mapping mapping, Map<Integer, String> headers, boolean date1904) {

        /** The column of a key as a person finds it: its letter and header, such as {@code D (Fecha)}. */
        public String describe(String key) {
            Integer index = mapping.indexOf(key);
            return index == null ? key : letter(index) + " (" + headers.get(index) + ")";
        }

        static String letter(int index) {
            StringBuilder letters = new StringBuilder();
            for (int n = index + 1; n > 0; n = (n - 1) / 26) {
                letters.insert(0, (char) ('A' + (n - 1) % 26));
            }
            return letters.toString();
        }
    }

    private final XlsxReader.Row row;
    private final Layout layout;
    private final ImportReport report;
    private boolean failed;

    public ImportRow(XlsxReader.Row row, Layout layout, ImportReport report) {
        this.row = row;
        this.layout = layout;
        this.report = report;
    }

    /** The row number the spreadsheet shows. */
    public int number() {
        return row.number();
    }

    public String sheet() {
        return layout.sheet();
    }

    /** A column of the sheet as the report names it: its letter and header, such as {@code G (Debe)}. */
    public String column(String key) {
        return layout.describe(key);
    }

    /** The job's language, that of its report. */
    public java.util.Locale language() {
        return report.language();
    }

    /** Whether this row had an error reported while it was read. */
    public boolean failed() {
        return failed;
    }

    /** Whether the sheet has this column and the row a value in it. */
    public boolean has(String key) {
        return cell(key) != null;
    }

    /** Text of a cell, stripped; {@code null} when empty. */
    public String text(String key, int maxLength) {
        CellValue value = cell(key);
        if (value == null) {
            return null;
        }
        try {
            String text = Values.text(value);
            if (text.length() > maxLength) {
                valueError(key, "value.too-long", text.length(), maxLength);
                return null;
            }
            return text.isEmpty() ? null : text;
        } catch (Values.ValueException e) {
            valueError(key, e.key(), e.arguments());
            return null;
        }
    }

    /** Text that must be there. */
    public String requiredText(String key, int maxLength) {
        if (!has(key)) {
            missing(key);
            return null;
        }
        return text(key, maxLength);
    }

    public BigDecimal number(String key) {
        CellValue value = cell(key);
        if (value == null) {
            return null;
        }
        try {
            return Values.number(value, report.language());
        } catch (Values.ValueException e) {
            valueError(key, e.key(), e.arguments());
            return null;
        }
    }

    public LocalDate requiredDate(String key) {
        CellValue value = cell(key);
        if (value == null) {
            missing(key);
            return null;
        }
        try {
            return Values.date(value, layout.date1904());
        } catch (Values.ValueException e) {
            valueError(key, e.key(), e.arguments());
            return null;
        }
    }

    /** Reports an error of the importer's texts on a column of this row. */
    public void error(String key, String textKey, Object... arguments) {
        failed = true;
        report.error(layout.sheet(), row.number(), layout.describe(key), textKey, arguments);
    }

    /**
     * Reports a refusal of a rule (a key, its field and arguments, as the API and the portal report it) on a column of
     * this row, in the job's language.
     */
    public void error(String key, coop.intercoop.hub.platform.HubException refusal) {
        failed = true;
        report.errorText(layout.sheet(), row.number(), layout.describe(key), refusal.message(report.language()));
    }

    private void missing(String key) {
        failed = true;
        report.errorText(layout.sheet(), row.number(), layout.describe(key),
                ImportTexts.format(ImportTexts.SPREADSHEET, report.language(), "value.required"));
    }

    private void valueError(String key, String textKey, Object... arguments) {
        failed = true;
        report.errorText(layout.sheet(), row.number(), layout.describe(key),
                ImportTexts.format(ImportTexts.SPREADSHEET, report.language(), textKey, arguments));
    }

    private CellValue cell(String key) {
        Integer index = layout.mapping().indexOf(key);
        return index == null ? null : row.at(index);
    }
}
