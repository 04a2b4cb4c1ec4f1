package coop.intercoop.hub.payroll.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import coop.intercoop.hub.platform.ConfigCsv;

/**
 * The yearly limit of overtime hours, effective-dated ({@value #FILE}): ET (BOE-A-2015-11430) art. 35.2, eighty hours a
 * year for a worker employed full time the whole year. The limit is checked, never enforced: overtime worked is owed.
 */
public final class OvertimeLimits {

    public static final String FILE = "overtime-limits.csv";
    public static final String HEADER = "from;to;annual_hours;status;source";

    /** A row: the most overtime hours of a year, while it is in force. */
    public record Limit(Validity validity, BigDecimal annualHours, Source source) {
    }

    private final List<Limit> limits;

    private OvertimeLimits(List<Limit> limits) {
        this.limits = List.copyOf(limits);
    }

    /**
     * @throws PayrollRulesFileException
     *             naming the line of a malformed row, or of a row in force on a day another row is
     */
    public static OvertimeLimits parse(List<ConfigCsv.Row> rows) {
        List<Limit> limits = new ArrayList<>();
        List<String> places = new ArrayList<>();
        for (ConfigCsv.Row row : rows) {
            String place = row.place();
            String[] fields = row.text().split(";", -1);
            if (fields.length < 5) {
                throw new PayrollRulesFileException(place, "needs the fields " + HEADER);
            }
            Validity validity = Validity.parse(fields[0], fields[1], place);
            String hours = fields[2].strip();
            if (!hours.matches("[1-9]\\d{0,3}")) {
                throw new PayrollRulesFileException(place,
                        "the annual hours are a whole number from 1, such as 80, not '" + fields[2] + "'");
            }
            String citation = String.join(";", Arrays.copyOfRange(fields, 4, fields.length));
            Limit limit = new Limit(validity, new BigDecimal(hours), Source.parse(citation, fields[3], place));
            for (int i = 0; i < limits.size(); i++) {
                if (limits.get(i).validity().overlaps(validity)) {
                    throw new PayrollRulesFileException(place,
                            "is in force on days the row at " + places.get(i) + " is in force too");
                }
            }
            limits.add(limit);
            places.add(place);
        }
        return new OvertimeLimits(limits);
    }

    /** The limit in force on a day; none when no row is (nothing is checked then). */
    public Optional<Limit> on(LocalDate day) {
        return limits.stream().filter(limit -> limit.validity().covers(day)).findFirst();
    }
}
