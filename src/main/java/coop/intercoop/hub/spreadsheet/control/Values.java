package coop.intercoop.hub.spreadsheet.control;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Locale;

import org.apache.poi.ss.usermodel.DateUtil;

import coop.intercoop.hub.platform.Notation;
import coop.intercoop.hub.spreadsheet.control.XlsxReader.CellValue;

/**
 * Turns raw cell values into typed ones, as people actually fill in workbooks: numbers as numbers or as text in Spanish
 * or English notation ({@code 1.234,56}, {@code 1,234.56}), dates as serial numbers (1900 or 1904 date system) or as
 * text ({@code dd/mm/yyyy}, {@code yyyy-mm-dd}), booleans as booleans or as words. Each conversion throws a
 * {@link ValueException} whose message says what was found and what was expected.
 */
public final class Values {

    /** Excel keeps 15 significant digits; more are binary noise of the double it stores. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private Values() {
    }

    /**
     * A value that is not what its column expects; the message says what it is and what was expected, in English, and
     * {@link #key()} with {@link #arguments()} names it in the import texts ({@link ImportTexts}) for other languages.
     */
    public static class ValueException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final transient Object[] arguments;

        public ValueException(String key, Object... arguments) {
            super(ImportTexts.format(ImportTexts.SPREADSHEET, Locale.ENGLISH, key, arguments));
            this.key = key;
            this.arguments = arguments.clone();
        }

        public String key() {
            return key;
        }

        public Object[] arguments() {
            return arguments.clone();
        }
    }

    /**
     * A number: a numeric cell, or text in Spanish or English notation read by {@link Notation#number}, as the portal's
     * fields read it.
     */
    public static BigDecimal number(CellValue value, Locale language) {
        if (value.kind() == CellValue.Kind.NUMBER) {
            return new BigDecimal(value.raw()).round(EXCEL_PRECISION).stripTrailingZeros();
        }
        if (value.kind() != CellValue.Kind.TEXT) {
            throw new ValueException("value.number", describe(value));
        }
        try {
            return Notation.number(value.raw(), language);
        } catch (Notation.UnreadableValueException e) {
            throw new ValueException(e.key(), e.text());
        }
    }

    /**
     * A date: a serial number of the workbook's date system, or text as dd/mm/yyyy or yyyy-mm-dd read by
     * {@link Notation#date}, as the portal's fields read it.
     */
    public static LocalDate date(CellValue value, boolean date1904) {
        if (value.kind() == CellValue.Kind.NUMBER) {
            double serial = Double.parseDouble(value.raw());
            if (!DateUtil.isValidExcelDate(serial) || serial < 1) {
                throw new ValueException("value.date", value.raw());
            }
            return DateUtil.getLocalDateTime(serial, date1904).toLocalDate();
        }
        if (value.kind() != CellValue.Kind.TEXT) {
            throw new ValueException("value.date", describe(value));
        }
        try {
            return Notation.date(value.raw());
        } catch (Notation.UnreadableValueException e) {
            throw new ValueException(e.key(), e.text());
        }
    }

    /** A boolean: a boolean cell, 1 or 0, or yes/no, sí/no, true/false, verdadero/falso. */
    public static boolean bool(CellValue value) {
        String text = value.raw().strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "1", "yes", "y", "sí", "si", "s", "verdadero", "x" -> true;
            case "false", "0", "no", "n", "falso" -> false;
            default -> throw new ValueException("value.boolean", value.raw().strip());
        };
    }

    /** Text: a text cell as written, a number in plain notation (a code typed as a number), a boolean as TRUE/FALSE. */
    public static String text(CellValue value) {
        return switch (value.kind()) {
            case TEXT, BOOLEAN -> value.raw().strip();
            case NUMBER -> new BigDecimal(value.raw()).round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
            case ERROR -> throw new ValueException("value.text", value.raw());
        };
    }

    private static String describe(CellValue value) {
        return value.raw().strip();
    }
}
