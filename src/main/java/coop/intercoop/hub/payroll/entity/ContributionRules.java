package coop.intercoop.hub.payroll.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import coop.intercoop.hub.platform.ConfigCsv;

/**
 * The Social Security contribution rules of the Régimen General for employees, as the effective-dated tables of
 * {@code config/payroll} state them: the bases by contribution group ({@value #GROUPS}), the rates ({@value #RATES}),
 * the solidarity bands ({@value #SOLIDARITY}) and the surcharge on short fixed-term contracts ({@value #SURCHARGE}).
 * Each row keeps its validity and its source; two rows of one key never share a day, so a day finds at most one row of
 * each key.
 */
public record ContributionRules(List<GroupBase> bases, List<Rate> rates, List<SolidarityBand> solidarity,
        List<Surcharge> surcharges) {

    public static final String GROUPS = "contribution-groups.csv";
    public static final String RATES = "contribution-rates.csv";
    public static final String SOLIDARITY = "solidarity.csv";
    public static final String SURCHARGE = "short-contract-surcharge.csv";

    public static final String GROUPS_HEADER = "from;to;group;unit;minimum;maximum;status;source";
    public static final String RATES_HEADER = "from;to;item;employer;employee;status;source";
    public static final String SOLIDARITY_HEADER = "from;to;band;above;up_to;employer;employee;status;source";
    public static final String SURCHARGE_HEADER = "from;to;amount;excluded;status;source";

    /** The group of the AT/EP floor and ceiling (order art. 2) in {@value #GROUPS}. */
    public static final String AT_EP = "at-ep";

    private static final String AMOUNT = "\\d+\\.\\d{2}";
    private static final String RATE = "\\d{1,3}\\.\\d{2}";
    private static final String BOUND = "\\d{1,3}(\\.\\d{1,2})?";

    /** What a base row's amounts are per: a month, a day in alta, or an hour worked (part-time minimums). */
    public enum Unit {
        MONTH, DAY, HOUR;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A contribution group's minimum and maximum base, or the AT/EP floor and ceiling (group {@value #AT_EP}); an hour
     * row has only a minimum.
     */
    public record GroupBase(Validity validity, String group, Unit unit, BigDecimal minimum,
            Optional<BigDecimal> maximum, Source source) {
    }

    /** A contribution of {@value #RATES}, by the code its rows use. */
    public enum Item {
        COMMON, MEI, UNEMPLOYMENT_OPEN_ENDED, UNEMPLOYMENT_FIXED_TERM, FOGASA, TRAINING, OVERTIME_FORCE_MAJEURE,
        OVERTIME_OTHER;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The employer's and employee's rates of an item, in percent. */
    public record Rate(Validity validity, Item item, BigDecimal employer, BigDecimal employee, Source source) {
    }

    /**
     * A band of the solidarity contribution: the part of the pay above the maximum base by more than {@code above} % of
     * that base and by at most {@code upTo} % (none: no upper bound), with its rates in percent.
     */
    public record SolidarityBand(Validity validity, int band, BigDecimal above, Optional<BigDecimal> upTo,
            BigDecimal employer, BigDecimal employee, Source source) {
    }

    /** The extra contribution when a fixed-term contract shorter than 30 days ends, and the kinds it spares. */
    public record Surcharge(Validity validity, BigDecimal amount, Set<String> excluded, Source source) {
    }

    public ContributionRules {
        bases = List.copyOf(bases);
        rates = List.copyOf(rates);
        solidarity = List.copyOf(solidarity);
        surcharges = List.copyOf(surcharges);
    }

    /**
     * The rules from the rows of the four files (after their headers, as {@link ConfigCsv} reads them).
     *
     * @throws PayrollRulesFileException
     *             naming the line of a malformed row, or of a row whose validity overlaps another of its key
     */
    public static ContributionRules parse(List<ConfigCsv.Row> groups, List<ConfigCsv.Row> rates,
            List<ConfigCsv.Row> solidarity, List<ConfigCsv.Row> surcharges) {
        List<GroupBase> bases = distinct(groups, ContributionRules::base, GroupBase::validity, base -> "the group "
                + base.group() + (base.unit() == Unit.HOUR ? " per hour" : " per month or day (which count as one)"));
        List<Rate> items = distinct(rates, ContributionRules::rate, Rate::validity,
                rate -> "the item " + rate.item().code());
        List<SolidarityBand> bands = distinct(solidarity, ContributionRules::band, SolidarityBand::validity,
                band -> "the band " + band.band());
        List<Surcharge> amounts = distinct(surcharges, ContributionRules::surcharge, Surcharge::validity,
                s -> "the surcharge");
        return new ContributionRules(bases, items, bands, amounts);
    }

    /**
     * The base row of a group (1 to 11, or {@value #AT_EP}) and unit in force on a day.
     *
     * @throws PayrollRulesFileException
     *             when none is in force that day
     */
    public GroupBase base(String group, Unit unit, LocalDate day) {
        return bases.stream().filter(b -> b.group().equals(group) && b.unit() == unit && b.validity().covers(day))
                .findFirst().orElseThrow(() -> new PayrollRulesFileException(GROUPS,
                        "no row of group " + group + " per " + unit.code() + " is in force on " + day));
    }

    /** The month or day base row of a contribution group on a day (groups 1-7 are per month, 8-11 per day). */
    public GroupBase base(int group, LocalDate day) {
        String code = String.valueOf(group);
        return bases.stream().filter(b -> b.group().equals(code) && b.unit() != Unit.HOUR && b.validity().covers(day))
                .findFirst().orElseThrow(() -> new PayrollRulesFileException(GROUPS,
                        "no row of group " + group + " per month or day is in force on " + day));
    }

    /**
     * @throws PayrollRulesFileException
     *             when no rate of the item is in force that day
     */
    public Rate rate(Item item, LocalDate day) {
        return rates.stream().filter(r -> r.item() == item && r.validity().covers(day)).findFirst().orElseThrow(
                () -> new PayrollRulesFileException(RATES, "no rate of " + item.code() + " is in force on " + day));
    }

    /**
     * The solidarity bands in force on a day, lowest first.
     *
     * @throws PayrollRulesFileException
     *             when none is, or when they do not follow each other from 0 % without a gap and end unbounded
     */
    public List<SolidarityBand> solidarity(LocalDate day) {
        List<SolidarityBand> bands = solidarity.stream().filter(b -> b.validity().covers(day))
                .sorted(Comparator.comparing(SolidarityBand::above)).toList();
        BigDecimal next = BigDecimal.ZERO;
        for (SolidarityBand band : bands) {
            if (next == null || band.above().compareTo(next) != 0) {
                throw new PayrollRulesFileException(SOLIDARITY,
                        "the bands in force on " + day + " do not follow each other from 0 % without a gap");
            }
            next = band.upTo().orElse(null);
        }
        if (bands.isEmpty() || next != null) {
            throw new PayrollRulesFileException(SOLIDARITY,
                    "the bands in force on " + day + " do not end with one without upper bound");
        }
        return bands;
    }

    /**
     * @throws PayrollRulesFileException
     *             when no amount is in force that day
     */
    public Surcharge surcharge(LocalDate day) {
        return surcharges.stream().filter(s -> s.validity().covers(day)).findFirst()
                .orElseThrow(() -> new PayrollRulesFileException(SURCHARGE, "no amount is in force on " + day));
    }

    /** The rows parsed, refusing one in force on a day another of its key covers. */
    private static <T> List<T> distinct(List<ConfigCsv.Row> rows, Function<ConfigCsv.Row, T> parser,
            Function<T, Validity> validity, Function<T, String> key) {
        RuleRows.Overlaps overlaps = new RuleRows.Overlaps();
        List<T> parsed = new ArrayList<>();
        for (ConfigCsv.Row row : rows) {
            T value = parser.apply(row);
            overlaps.add(key.apply(value), validity.apply(value), row.place());
            parsed.add(value);
        }
        return parsed;
    }

    /** The row's fields; the last, the source, may hold {@code ;} to cite several texts. */
    private static String[] fields(ConfigCsv.Row row, String header) {
        int columns = header.split(";").length;
        String[] fields = row.text().split(";", columns);
        if (fields.length != columns) {
            throw new PayrollRulesFileException(row.place(),
                    "has " + fields.length + " fields, not the " + columns + " of " + header);
        }
        return Arrays.stream(fields).map(String::strip).toArray(String[]::new);
    }

    private static GroupBase base(ConfigCsv.Row row) {
        String[] f = fields(row, GROUPS_HEADER);
        Validity validity = Validity.parse(f[0], f[1], row.place());
        String group = f[2];
        if (!group.matches("[1-9]|1[01]") && !group.equals(AT_EP)) {
            throw new PayrollRulesFileException(row.place(),
                    "the group is 1 to 11 or " + AT_EP + ", not '" + group + "'");
        }
        Unit unit = switch (f[3]) {
            case "month" -> Unit.MONTH;
            case "day" -> Unit.DAY;
            case "hour" -> Unit.HOUR;
            default -> throw new PayrollRulesFileException(row.place(),
                    "the unit is month, day or hour, not '" + f[3] + "'");
        };
        BigDecimal minimum = amount(f[4], "minimum", row.place());
        Optional<BigDecimal> maximum;
        if (unit == Unit.HOUR) {
            if (!f[5].isEmpty()) {
                throw new PayrollRulesFileException(row.place(),
                        "an hour row has no maximum: the month's or day's maximum applies");
            }
            maximum = Optional.empty();
        } else {
            maximum = Optional.of(amount(f[5], "maximum", row.place()));
            if (maximum.get().compareTo(minimum) < 0) {
                throw new PayrollRulesFileException(row.place(),
                        "the maximum " + f[5] + " is below the minimum " + f[4]);
            }
        }
        return new GroupBase(validity, group, unit, minimum, maximum, Source.parse(f[7], f[6], row.place()));
    }

    private static Rate rate(ConfigCsv.Row row) {
        String[] f = fields(row, RATES_HEADER);
        Validity validity = Validity.parse(f[0], f[1], row.place());
        Item item = Arrays.stream(Item.values()).filter(i -> i.code().equals(f[2])).findFirst()
                .orElseThrow(() -> new PayrollRulesFileException(row.place(),
                        "the item is one of "
                                + Arrays.stream(Item.values()).map(Item::code).collect(Collectors.joining(", "))
                                + ", not '" + f[2] + "'"));
        return new Rate(validity, item, percent(f[3], "employer", row.place()), percent(f[4], "employee", row.place()),
                Source.parse(f[6], f[5], row.place()));
    }

    private static SolidarityBand band(ConfigCsv.Row row) {
        String[] f = fields(row, SOLIDARITY_HEADER);
        Validity validity = Validity.parse(f[0], f[1], row.place());
        if (!f[2].matches("[1-9]")) {
            throw new PayrollRulesFileException(row.place(), "the band is a number 1 to 9, not '" + f[2] + "'");
        }
        BigDecimal above = bound(f[3], "above", row.place());
        Optional<BigDecimal> upTo = f[4].isEmpty() ? Optional.empty() : Optional.of(bound(f[4], "up_to", row.place()));
        if (upTo.isPresent() && upTo.get().compareTo(above) <= 0) {
            throw new PayrollRulesFileException(row.place(),
                    "the band's upper bound " + f[4] + " is not above its lower bound " + f[3]);
        }
        return new SolidarityBand(validity, Integer.parseInt(f[2]), above, upTo, percent(f[5], "employer", row.place()),
                percent(f[6], "employee", row.place()), Source.parse(f[8], f[7], row.place()));
    }

    private static Surcharge surcharge(ConfigCsv.Row row) {
        String[] f = fields(row, SURCHARGE_HEADER);
        Validity validity = Validity.parse(f[0], f[1], row.place());
        Set<String> excluded = f[3].isEmpty() ? Set.of() : Set.of(f[3].split("\\s+"));
        return new Surcharge(validity, amount(f[2], "amount", row.place()), excluded,
                Source.parse(f[5], f[4], row.place()));
    }

    private static BigDecimal amount(String text, String what, String place) {
        if (!text.matches(AMOUNT)) {
            throw new PayrollRulesFileException(place,
                    "the " + what + " is euros with . and two decimals, such as 1424.40, not '" + text + "'");
        }
        return new BigDecimal(text);
    }

    private static BigDecimal percent(String text, String what, String place) {
        if (!text.matches(RATE)) {
            throw new PayrollRulesFileException(place,
                    "the " + what + " rate is a percent with . and two decimals, such as 23.60, not '" + text + "'");
        }
        return new BigDecimal(text);
    }

    private static BigDecimal bound(String text, String what, String place) {
        if (!text.matches(BOUND)) {
            throw new PayrollRulesFileException(place,
                    "the " + what + " bound is a percent of the maximum base, such as 10, not '" + text + "'");
        }
        return new BigDecimal(text);
    }
}
