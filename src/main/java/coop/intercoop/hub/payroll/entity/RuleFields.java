package coop.intercoop.hub.payroll.entity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parsing shared by the effective-dated tables of {@code config/payroll}: percentages and amounts written with
 * {@code .} and exactly two decimals, and the rule that two rows of one key may not share a day.
 */
final class RuleFields {

    private RuleFields() {
    }

    /**
     * A figure of the file: a number with {@code .} as decimal separator and exactly two decimals, not negative.
     *
     * @param what
     *            the column, for the message
     *
     * @throws PayrollRulesFileException
     *             for anything else
     */
    static BigDecimal twoDecimals(String text, String what, String place) {
        String figure = text.strip();
        if (!figure.matches("\\d+\\.\\d{2}")) {
            throw new PayrollRulesFileException(place,
                    "the " + what + " is a number with . and two decimals (such as 1.50), not '" + text + "'");
        }
        return new BigDecimal(figure);
    }

    /** A row already read, with its key, validity and place, for the overlap check. */
    record Dated(String key, Validity validity, String place) {
    }

    /**
     * Remembers a row and refuses it when an earlier row of the same key shares a day with it.
     *
     * @param described
     *            the key as a person reads it, for the message
     *
     * @throws PayrollRulesFileException
     *             naming both lines
     */
    static void refuseOverlap(Map<String, List<Dated>> seen, Dated row, String described) {
        List<Dated> rows = seen.computeIfAbsent(row.key(), key -> new ArrayList<>());
        for (Dated earlier : rows) {
            if (earlier.validity().overlaps(row.validity())) {
                throw new PayrollRulesFileException(row.place(),
                        described + " is already in force on some of these days at " + earlier.place());
            }
        }
        rows.add(row);
    }
}
