package coop.intercoop.hub.payroll.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import coop.intercoop.hub.platform.ConfigCsv;

/**
 * The premium rates for the contingencies of accidents at work and occupational diseases (AT/EP), effective-dated:
 * Cuadro I by the economic activity's CNAE code and Cuadro II by the occupation's letter. Each rate is split into IT
 * (temporary incapacity) and IMS (permanent incapacity, death and survival) and its total, all percentages of the AT/EP
 * contribution base.
 * <p>
 * Until 31 December 2025 the tariff is disposición adicional cuarta of Ley 42/2006 in the wording of Real Decreto-ley
 * 28/2018 (BOE-A-2018-17992, disp. final 5), by CNAE-2009; from 1 January 2026 it is disposición adicional sexagésima
 * primera of the LGSS, added by Real Decreto-ley 3/2026 (BOE-A-2026-2548, disp. final 1.Tres, with effects from 1
 * January 2026 by its disp. final 4), by CNAE-2025. Both say (regla tercera) that an occupation of Cuadro II takes its
 * rate from Cuadro II instead of the activity's, when the two differ: the choice is the calculator's, this table only
 * answers both.
 */
public final class AtepPremiums {

    /** The header of {@code atep-activities.csv} (Cuadro I). */
    public static final String ACTIVITIES_HEADER = "from;to;cnae;title;it;ims;total;status;source";
    /** The header of {@code atep-occupations.csv} (Cuadro II). */
    public static final String OCCUPATIONS_HEADER = "from;to;code;description;it;ims;total;status;source";

    /** The two tables of the tariff. */
    public enum Table {
        /**
         * Cuadro I: by CNAE code, as the table writes it (2 to 4 digits), or a letter for a situation (u, v, w, x, y).
         */
        ACTIVITIES("\\d{2,4}|[a-z]", "a CNAE code of 2 to 4 digits or a lower-case letter"),
        /** Cuadro II: by occupation letter. */
        OCCUPATIONS("[a-z]", "a lower-case letter");

        private final String pattern;
        private final String expected;

        Table(String pattern, String expected) {
            this.pattern = pattern;
            this.expected = expected;
        }
    }

    /**
     * A row of the tariff: the rates of an activity or occupation in force over its days.
     *
     * @param it
     *            the IT rate, percent
     * @param ims
     *            the IMS rate, percent
     * @param total
     *            IT + IMS, percent, as the table writes it
     */
    public record Premium(Table table, Validity validity, String code, String title, BigDecimal it, BigDecimal ims,
            BigDecimal total, Source source) {
    }

    private final List<Premium> premiums;

    private AtepPremiums(List<Premium> premiums) {
        this.premiums = List.copyOf(premiums);
    }

    /**
     * Reads both tables.
     *
     * @throws PayrollRulesFileException
     *             for a malformed row, a total other than IT + IMS, or two rows of one code sharing a day, naming the
     *             line
     */
    public static AtepPremiums parse(List<ConfigCsv.Row> activities, List<ConfigCsv.Row> occupations) {
        List<Premium> premiums = new ArrayList<>();
        premiums.addAll(parse(Table.ACTIVITIES, activities));
        premiums.addAll(parse(Table.OCCUPATIONS, occupations));
        return new AtepPremiums(premiums);
    }

    private static List<Premium> parse(Table table, List<ConfigCsv.Row> rows) {
        RuleRows.Overlaps overlaps = new RuleRows.Overlaps();
        List<Premium> premiums = new ArrayList<>();
        for (ConfigCsv.Row row : rows) {
            Premium premium = parse(table, row);
            overlaps.add("the code " + premium.code(), premium.validity(), row.place());
            premiums.add(premium);
        }
        return premiums;
    }

    /*
     * The title may hold ';' (the tables write "Carga y descarga; estiba y desestiba"): it is what lies between the
     * first three fields and the last five.
     */
    private static Premium parse(Table table, ConfigCsv.Row row) {
        String place = row.place();
        String[] fields = row.text().split(";", -1);
        if (fields.length < 9) {
            throw new PayrollRulesFileException(place,
                    "needs the fields " + (table == Table.ACTIVITIES ? ACTIVITIES_HEADER : OCCUPATIONS_HEADER));
        }
        int n = fields.length;
        Validity validity = Validity.parse(fields[0], fields[1], place);
        String code = fields[2].strip();
        if (!code.matches(table.pattern)) {
            throw new PayrollRulesFileException(place, "the code is " + table.expected + ", not '" + code + "'");
        }
        String title = String.join(";", Arrays.copyOfRange(fields, 3, n - 5)).strip();
        if (title.isEmpty()) {
            throw new PayrollRulesFileException(place, "the code " + code + " needs the table's title");
        }
        BigDecimal it = RuleRows.twoDecimals(fields[n - 5], "IT rate", "1.50", place);
        BigDecimal ims = RuleRows.twoDecimals(fields[n - 4], "IMS rate", "1.50", place);
        BigDecimal total = RuleRows.twoDecimals(fields[n - 3], "total rate", "1.50", place);
        if (it.add(ims).compareTo(total) != 0) {
            throw new PayrollRulesFileException(place,
                    "the total " + total + " is not IT " + it + " + IMS " + ims + " = " + it.add(ims));
        }
        Source source = Source.parse(fields[n - 1], fields[n - 2], place);
        return new Premium(table, validity, code, title, it, ims, total, source);
    }

    /** The rows of one table, in the file's order. */
    public List<Premium> rows(Table table) {
        return premiums.stream().filter(premium -> premium.table() == table).toList();
    }

    /** Whether a tariff is in force on a day: some row of Cuadro I covers it. */
    public boolean inForce(LocalDate day) {
        return premiums.stream().anyMatch(p -> p.table() == Table.ACTIVITIES && p.validity().covers(day));
    }

    /**
     * The rates of an activity on a day (Cuadro I).
     *
     * @param cnae
     *            the code as the table in force writes it: CNAE-2009 until 2025, CNAE-2025 from 2026
     *
     * @throws NoRuleInForceException
     *             when no tariff is in force that day
     */
    public Optional<Premium> activity(String cnae, LocalDate day) {
        return find(Table.ACTIVITIES, cnae, day);
    }

    /**
     * The rates of an occupation on a day (Cuadro II).
     *
     * @throws NoRuleInForceException
     *             when no tariff is in force that day
     */
    public Optional<Premium> occupation(String letter, LocalDate day) {
        return find(Table.OCCUPATIONS, letter, day);
    }

    private Optional<Premium> find(Table table, String code, LocalDate day) {
        if (!inForce(day)) {
            throw new NoRuleInForceException("AT/EP premium tariff", day);
        }
        return premiums.stream().filter(p -> p.table() == table && p.code().equals(code) && p.validity().covers(day))
                .findFirst();
    }
}
