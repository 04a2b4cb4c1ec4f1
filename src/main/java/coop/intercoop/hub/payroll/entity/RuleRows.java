package coop.intercoop.hub.payroll.entity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every effective-dated table of {@code config/payroll} shares: its figures are written with {@code .} and exactly
 * two decimals, and two rows of one key may not be in force on a same day (the value of that day would depend on the
 * order of the rows).
 */
public final class RuleRows {

    private RuleRows() {
    }

    /**
     * A figure of the file: a number with {@code .} as decimal separator and exactly two decimals, not negative.
     *
     * @param what
     *            the column, for the message
     * @param example
     *            a figure of that column, for the message
     *
     * @throws PayrollRulesFileException
     *             for anything else
     */
    public static BigDecimal twoDecimals(String text, String what, String example, String place) {
        String figure = text.strip();
        if (!figure.matches("\\d+\\.\\d{2}")) {
            throw new PayrollRulesFileException(place, "the " + what + " is a number with . and two decimals, such as "
                    + example + ", not '" + text + "'");
        }
        return new BigDecimal(figure);
    }

    /**
     * The rows of a table read so far, by key, that refuses a row in force on a day an earlier row of its key covers.
     */
    public static final class Overlaps {

        private record Seen(Validity validity, String place) {
        }

        private final Map<String, List<Seen>> byKey = new HashMap<>();

        /**
         * @param key
         *            the row's key as a person reads it (the code 88, the group 5), for the message
         *
         * @throws PayrollRulesFileException
         *             naming both lines
         */
        public void add(String key, Validity validity, String place) {
            List<Seen> same = byKey.computeIfAbsent(key, k -> new ArrayList<>());
            for (Seen earlier : same) {
                if (earlier.validity().overlaps(validity)) {
                    throw new PayrollRulesFileException(place,
                            key + " is already in force on some of these days at " + earlier.place());
                }
            }
            same.add(new Seen(validity, place));
        }
    }
}
