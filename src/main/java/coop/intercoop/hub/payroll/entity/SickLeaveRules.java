package coop.intercoop.hub.payroll.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import coop.intercoop.hub.platform.ConfigCsv;

/**
 * The benefit of temporary incapacity by contingency and day of the leave, effective-dated ({@value #FILE}): for each
 * band of days, the percentage of the daily regulatory base and who bears it. LGSS (BOE-A-2015-11724) art. 173.1: for
 * common illness or non-work accident nothing for days 1 to 3, days 4 to 15 at the employer's charge, the percentages
 * of Decreto 3158/1966 art. 2.1 as amended by Real Decreto 53/1980; for a work accident or occupational disease the
 * benefit from the day after the baja, 75 %, paid by the employer in delegation (the file says which values were read
 * and which not).
 */
public final class SickLeaveRules {

    public static final String FILE = "sick-leave.csv";
    public static final String HEADER = "from;to;first_day;last_day;percent;payer;contingency;status;source";

    /**
     * What the leave comes from: its bands, and the base the benefit is a percentage of (Decreto 1646/1972 art. 13.1).
     */
    public enum Contingency {
        /** Common illness or non-work accident (LGSS art. 173.1, second paragraph). */
        COMMON,
        /**
         * Work accident or occupational disease (LGSS art. 173.1, first paragraph): the benefit from the day after the
         * baja, the day of the baja paid as salary by the employer.
         */
        OCCUPATIONAL;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Who bears a day's benefit. */
    public enum Payer {
        /** At the employer's charge (LGSS art. 173.1, days 4 to 15). */
        EMPLOYER,
        /** Due by the INSS or the mutua, paid by the employer and deducted from the contributions (pago delegado). */
        DELEGATED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A band of days of the leave, from its first to its last (none: and after), with its percentage and payer. */
    public record Band(Validity validity, int firstDay, Optional<Integer> lastDay, BigDecimal percent, Payer payer,
            Contingency contingency, Source source) {

        public boolean covers(int day) {
            return day >= firstDay && lastDay.map(last -> day <= last).orElse(true);
        }

        boolean shares(Band other) {
            return contingency == other.contingency && (covers(other.firstDay) || other.covers(firstDay));
        }
    }

    private final List<Band> bands;

    private SickLeaveRules(List<Band> bands) {
        this.bands = List.copyOf(bands);
    }

    /**
     * @throws PayrollRulesFileException
     *             naming the line of a malformed row, or of a row sharing a day of leave with another in force on a
     *             same day
     */
    public static SickLeaveRules parse(List<ConfigCsv.Row> rows) {
        List<Band> bands = new ArrayList<>();
        List<String> places = new ArrayList<>();
        for (ConfigCsv.Row row : rows) {
            Band band = band(row);
            for (int i = 0; i < bands.size(); i++) {
                Band earlier = bands.get(i);
                if (earlier.validity().overlaps(band.validity()) && earlier.shares(band)) {
                    throw new PayrollRulesFileException(row.place(), "the days " + days(band)
                            + " of leave share days with the row at " + places.get(i) + " on some of its days");
                }
            }
            bands.add(band);
            places.add(row.place());
        }
        return new SickLeaveRules(bands);
    }

    private static Band band(ConfigCsv.Row row) {
        String place = row.place();
        String[] fields = row.text().split(";", -1);
        if (fields.length < 9) {
            throw new PayrollRulesFileException(place, "needs the fields " + HEADER);
        }
        Validity validity = Validity.parse(fields[0], fields[1], place);
        int first = day(fields[2], place);
        Optional<Integer> last = fields[3].isBlank() ? Optional.empty() : Optional.of(day(fields[3], place));
        if (last.isPresent() && last.get() < first) {
            throw new PayrollRulesFileException(place,
                    "the last day of leave " + last.get() + " is before the first " + first);
        }
        BigDecimal percent = RuleRows.twoDecimals(fields[4], "percent", "60.00", place);
        if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new PayrollRulesFileException(place, "the percent is at most 100.00, not " + percent);
        }
        Payer payer = switch (fields[5].strip()) {
            case "employer" -> Payer.EMPLOYER;
            case "delegated" -> Payer.DELEGATED;
            default -> throw new PayrollRulesFileException(place,
                    "the payer is employer or delegated, not '" + fields[5] + "'");
        };
        Contingency contingency = switch (fields[6].strip()) {
            case "common" -> Contingency.COMMON;
            case "occupational" -> Contingency.OCCUPATIONAL;
            default -> throw new PayrollRulesFileException(place,
                    "the contingency is common or occupational, not '" + fields[6] + "'");
        };
        String citation = String.join(";", Arrays.copyOfRange(fields, 8, fields.length));
        return new Band(validity, first, last, percent, payer, contingency, Source.parse(citation, fields[7], place));
    }

    private static int day(String text, String place) {
        String day = text.strip();
        if (!day.matches("[1-9]\\d{0,2}")) {
            throw new PayrollRulesFileException(place,
                    "a day of leave is a whole number from 1, such as 4, not '" + text + "'");
        }
        return Integer.parseInt(day);
    }

    private static String days(Band band) {
        return band.firstDay() + "-" + band.lastDay().map(String::valueOf).orElse("");
    }

    /** The rows, in the file's order. */
    public List<Band> bands() {
        return bands;
    }

    /**
     * The band that covers a day of a leave of the contingency under the rules in force on a calendar day; none for a
     * day without benefit.
     *
     * @throws NoRuleInForceException
     *             when no row of the contingency is in force on that calendar day
     */
    public Optional<Band> band(int dayOfLeave, LocalDate day, Contingency contingency) {
        List<Band> inForce = bands.stream()
                .filter(band -> band.contingency() == contingency && band.validity().covers(day)).toList();
        if (inForce.isEmpty()) {
            throw new NoRuleInForceException("sick-leave benefit table (" + contingency.code() + ")", day);
        }
        return inForce.stream().filter(band -> band.covers(dayOfLeave)).findFirst();
    }
}
