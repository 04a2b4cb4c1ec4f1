package coop.intercoop.hub.spreadsheet.control;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;

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
    private static final Pattern NUMBER_TEXT = Pattern.compile("[+-]?[0-9.,]*[0-9]");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");

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
     * A number: a numeric cell, or text in Spanish or English notation. When a single separator is followed by exactly
     * three digits ({@code 1.234}, {@code 1,234}) it is read the way {@code language} writes thousands ({@code es}: a
     * dot, {@code en}: a comma).
     */
    public static BigDecimal number(CellValue value, Locale language) {
        if (value.kind() == CellValue.Kind.NUMBER) {
            return new BigDecimal(value.raw()).round(EXCEL_PRECISION).stripTrailingZeros();
        }
        if (value.kind() != CellValue.Kind.TEXT) {
            throw new ValueException("value.number", describe(value));
        }
        String text = value.raw().strip().replace(" ", "").replace("\u00a0", "").replace("€", "");
        if (!NUMBER_TEXT.matcher(text).matches()) {
            throw new ValueException("value.number", value.raw().strip());
        }
        int dots = count(text, '.');
        int commas = count(text, ',');
        char decimal;
        if (dots > 0 && commas > 0) {
            decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
        } else if (dots + commas == 0) {
            decimal = 0;
        } else {
            char separator = dots > 0 ? '.' : ',';
            int digitsAfter = text.length() - text.lastIndexOf(separator) - 1;
            if (dots + commas > 1) {
                decimal = 0; // 1.234.567 or 1,234,567: thousands only
            } else if (digitsAfter == 3) {
                char thousands = "en".equals(language.getLanguage()) ? ',' : '.';
                decimal = separator == thousands ? 0 : separator;
            } else {
                decimal = separator;
            }
        }
        String plain;
        if (decimal == 0) {
            plain = text.replace(".", "").replace(",", "");
        } else {
            char thousands = decimal == '.' ? ',' : '.';
            String whole = text.substring(0, text.lastIndexOf(decimal)).replace(String.valueOf(thousands), "");
            if (whole.indexOf(decimal) >= 0) {
                throw new ValueException("value.number", value.raw().strip());
            }
            plain = whole + "." + text.substring(text.lastIndexOf(decimal) + 1);
        }
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            throw new ValueException("value.number", value.raw().strip());
        }
    }

    /** A date: a serial number of the workbook's date system, or text as dd/mm/yyyy or yyyy-mm-dd. */
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
        String text = value.raw().strip();
        try {
            Matcher dayFirst = DAY_FIRST.matcher(text);
            if (dayFirst.matches()) {
                return LocalDate.of(Integer.parseInt(dayFirst.group(3)), Integer.parseInt(dayFirst.group(2)),
                        Integer.parseInt(dayFirst.group(1)));
            }
            Matcher iso = ISO.matcher(text);
            if (iso.matches()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)));
            }
        } catch (DateTimeException e) {
            throw new ValueException("value.date.calendar", text);
        }
        throw new ValueException("value.date", text);
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

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
