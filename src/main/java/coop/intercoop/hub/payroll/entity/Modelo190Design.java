package coop.intercoop.hub.payroll.entity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import coop.intercoop.hub.platform.ConfigCsv;

/**
 * The record design of modelo 190 (Orden EHA/3127/2009, BOE-A-2009-18567, anexo II, as amended up to Orden
 * HAC/1431/2025, BOE-A-2025-25390) as the table {@code config/payroll/modelo-190-design.csv} gives it: each field of
 * the declarant record (type 1) and of the perceptor record (type 2) by its first and last position in the record of
 * {@value #RECORD_LENGTH} characters, its nature and the text it is read in. The table is data rather than code because
 * the AEAT's design changes by ministerial order nearly every year (five orders from 2018 to 2025 moved the blanks of
 * the perceptor record); an installation corrects or extends it without a new release, and the generator only names the
 * fields it writes. Positions no field names are blanks, as the design's "BLANCOS".
 */
public record Modelo190Design(List<Row> rows) {

    public static final String FILE = "modelo-190-design.csv";
    public static final String HEADER = "from;to;record;field;start;end;nature;status;source";
    public static final int RECORD_LENGTH = 500;
    public static final int DECLARANT = 1;
    public static final int PERCEPTOR = 2;

    /** The fields the generator writes: a design in force for a year must have each of them. */
    static final Set<String> DECLARANT_FIELDS = Set.of("record-type", "model", "year", "declarant-nif",
            "declarant-name", "medium", "contact-phone", "contact-name", "declaration-id", "complementary",
            "substitutive", "previous-declaration-id", "perception-count", "perceptions-sign", "perceptions-total",
            "withholdings-total", "contact-email");
    static final Set<String> PERCEPTOR_FIELDS = Set.of("record-type", "model", "year", "declarant-nif", "perceptor-nif",
            "representative-nif", "perceptor-name", "province", "key", "subkey", "monetary-sign", "monetary",
            "withheld", "in-kind-sign", "in-kind", "paid-on-account", "passed-on", "accrual-year", "ceuta-melilla",
            "birth-year", "family-situation", "spouse-nif", "disability", "contract", "mobility", "reductions",
            "deductible-expenses", "compensatory-pension", "child-support", "descendants-under-3",
            "descendants-under-3-whole", "descendants-rest", "descendants-rest-whole", "descendants-disabled",
            "descendants-disabled-whole", "descendants-assisted", "descendants-assisted-whole", "descendants-severe",
            "descendants-severe-whole", "ascendants-under-75", "ascendants-under-75-whole", "ascendants-75",
            "ascendants-75-whole", "ascendants-disabled", "ascendants-disabled-whole", "ascendants-assisted",
            "ascendants-assisted-whole", "ascendants-severe", "ascendants-severe-whole", "first-child", "second-child",
            "third-child", "home-loan", "incapacity-sign", "incapacity-monetary", "incapacity-withheld",
            "incapacity-in-kind-sign", "incapacity-in-kind", "incapacity-paid-on-account", "incapacity-passed-on",
            "startup-shares-excess", "fund-management");

    /** How a field is written, as the design's general rules and each field's description say. */
    public enum Nature {
        /** Right-aligned, zero-filled, digits only; an amount in cents. */
        NUMERIC("N"),
        /** Left-aligned, blank-filled, capitals without accented vowels or special characters; Ñ and Ç kept. */
        ALPHANUMERIC("A"),
        /** A NIF: right-aligned with the control character last, zero-filled; blanks when there is none. */
        NIF("F"),
        /** An e-mail address: left-aligned, blank-filled, as given. */
        EMAIL("E");

        private final String code;

        Nature(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Nature parse(String text, String place) {
            for (Nature nature : values()) {
                if (nature.code.equals(text.strip())) {
                    return nature;
                }
            }
            throw new PayrollRulesFileException(place, "the nature is N, A, F or E, not '" + text + "'");
        }
    }

    /** A field of a record: positions counted from 1, both included, as the design counts them. */
    public record Field(int record, String name, int start, int end, Nature nature, Source source) {

        public int width() {
            return end - start + 1;
        }
    }

    /** A row of the file. */
    public record Row(String place, Validity validity, Field field) {
    }

    /** The fields of both records in force for the return of one year, by name. */
    public record Layout(int year, Map<String, Field> declarant, Map<String, Field> perceptor) {

        public Layout {
            declarant = Map.copyOf(declarant);
            perceptor = Map.copyOf(perceptor);
        }

        /** The field of the declarant record, which {@link Modelo190Design#forYear} checked is there. */
        public Field declarant(String name) {
            return present(declarant, name, DECLARANT);
        }

        /** The field of the perceptor record, which {@link Modelo190Design#forYear} checked is there. */
        public Field perceptor(String name) {
            return present(perceptor, name, PERCEPTOR);
        }

        private Field present(Map<String, Field> fields, String name, int record) {
            Field field = fields.get(name);
            if (field == null) {
                throw new IllegalArgumentException("the generator writes no field " + name + " of record " + record);
            }
            return field;
        }
    }

    public Modelo190Design {
        rows = List.copyOf(rows);
    }

    /**
     * @throws PayrollRulesFileException
     *             for a row that breaks the format, a field outside the record, a field in force twice on a day, or two
     *             fields of a record sharing a position on a day, naming the line
     */
    public static Modelo190Design parse(List<ConfigCsv.Row> lines) {
        List<Row> rows = new ArrayList<>();
        RuleRows.Overlaps overlaps = new RuleRows.Overlaps();
        for (ConfigCsv.Row line : lines) {
            String place = line.place();
            String[] cells = line.text().split(";", -1);
            if (cells.length != 9) {
                throw new PayrollRulesFileException(place, "needs the fields " + HEADER);
            }
            Validity validity = Validity.parse(cells[0], cells[1], place);
            int record = number(cells[2], "record", place);
            if (record != DECLARANT && record != PERCEPTOR) {
                throw new PayrollRulesFileException(place, "the record is 1 (declarant) or 2 (perceptor)");
            }
            String name = cells[3].strip();
            if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new PayrollRulesFileException(place,
                        "the field is named in lower case words joined by -, not '" + cells[3] + "'");
            }
            int start = number(cells[4], "start", place);
            int end = number(cells[5], "end", place);
            if (start < 1 || end > RECORD_LENGTH || end < start) {
                throw new PayrollRulesFileException(place, "the positions " + start + "-" + end
                        + " are not a field of a record of " + RECORD_LENGTH + " characters");
            }
            Field field = new Field(record, name, start, end, Nature.parse(cells[6], place),
                    Source.parse(cells[8], cells[7], place));
            overlaps.add("the field " + name + " of record " + record, validity, place);
            for (Row earlier : rows) {
                Field other = earlier.field();
                if (other.record() == record && earlier.validity().overlaps(validity) && other.start() <= end
                        && start <= other.end()) {
                    throw new PayrollRulesFileException(place, "positions " + start + "-" + end
                            + " share a position with the field " + other.name() + " at " + earlier.place());
                }
            }
            rows.add(new Row(place, validity, field));
        }
        return new Modelo190Design(rows);
    }

    private static int number(String text, String what, String place) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new PayrollRulesFileException(place, "the " + what + " is a whole number, not '" + text + "'");
        }
    }

    /**
     * The design of the return of a year: the rows in force on its 1 January.
     *
     * @throws NoRuleInForceException
     *             if no row is
     * @throws PayrollRulesFileException
     *             if the design in force lacks a field the generator writes
     */
    public Layout forYear(int year) {
        LocalDate day = LocalDate.of(year, 1, 1);
        Map<String, Field> declarant = new LinkedHashMap<>();
        Map<String, Field> perceptor = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.validity().covers(day)) {
                (row.field().record() == DECLARANT ? declarant : perceptor).put(row.field().name(), row.field());
            }
        }
        if (declarant.isEmpty() && perceptor.isEmpty()) {
            throw new NoRuleInForceException("modelo 190 record design", day);
        }
        requireAll(declarant, DECLARANT_FIELDS, DECLARANT, year);
        requireAll(perceptor, PERCEPTOR_FIELDS, PERCEPTOR, year);
        return new Layout(year, declarant, perceptor);
    }

    private static void requireAll(Map<String, Field> fields, Set<String> names, int record, int year) {
        for (String name : names.stream().sorted().toList()) {
            if (!fields.containsKey(name)) {
                throw new PayrollRulesFileException("modelo-190-design.csv",
                        "has no field " + name + " of record " + record + " for the return of " + year);
            }
        }
    }
}
