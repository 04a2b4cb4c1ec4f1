package coop.intercoop.hub.platform;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How people write numbers and dates as text, read exactly: the one reading for a workbook's text cells and the
 * portal's fields. Numbers in Spanish or English notation ({@code 1.234,56}, {@code 1,234.56}, {@code -18,505}); dates
 * as {@code dd/mm/yyyy} or {@code yyyy-mm-dd}, and only days of the calendar ({@code 31/02/2026} is refused, never
 * moved to another day). Nothing is rounded or cut: what cannot be read exactly is refused with
 * {@link UnreadableValueException}, whose key and text each channel words in its caller's language.
 */
public final class Notation {

    private static final Pattern NUMBER_TEXT = Pattern.compile("[+-]?[0-9.,]*[0-9]");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");

    private Notation() {
    }

    /** Text that is not what was expected: {@code value.number}, {@code value.date} or {@code value.date.calendar}. */
    public static class UnreadableValueException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final String text;

        UnreadableValueException(String key, String text) {
            super(key + ": " + text);
            this.key = key;
            this.text = text;
        }

        public String key() {
            return key;
        }

        public String text() {
            return text;
        }
    }

    /**
     * A number written as text in Spanish or English notation, exactly as written (its sign and every decimal). Both
     * separators may be used; with both, the last one is the decimal mark. A single separator followed by exactly three
     * digits ({@code 1.234}, {@code 1,234}) is read the way {@code language} writes thousands ({@code es}: a dot,
     * {@code en}: a comma); otherwise a single separator is the decimal mark ({@code 1452.5} is 1452.5 in both).
     *
     * @throws UnreadableValueException
     *             ({@code value.number}) if the text is not a number
     */
    public static BigDecimal number(String written, Locale language) {
        String shown = written.strip();
        String text = shown.replace(" ", "").replace("\u00a0", "").replace("€", "");
        if (!NUMBER_TEXT.matcher(text).matches()) {
            throw new UnreadableValueException("value.number", shown);
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
                throw new UnreadableValueException("value.number", shown);
            }
            plain = whole + "." + text.substring(text.lastIndexOf(decimal) + 1);
        }
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            throw new UnreadableValueException("value.number", shown);
        }
    }

    /**
     * A date written as {@code dd/mm/yyyy} (also with {@code -} or {@code .}) or {@code yyyy-mm-dd}.
     *
     * @throws UnreadableValueException
     *             {@code value.date} if the text is not written as a date, {@code value.date.calendar} if it names a
     *             day the calendar does not have
     */
    public static LocalDate date(String written) {
        String text = written.strip();
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
            throw new UnreadableValueException("value.date.calendar", text);
        }
        throw new UnreadableValueException("value.date", text);
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
