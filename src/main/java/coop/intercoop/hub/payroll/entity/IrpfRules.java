package coop.intercoop.hub.payroll.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The IRPF withholding rules in force on one day, as the three tables of {@code config/payroll} give them: the named
 * amounts ({@code irpf-parameters.csv}), the withholding scale of the Reglamento del IRPF (Real Decreto 439/2007,
 * BOE-A-2007-6820) art. 85.1 ({@code irpf-scale.csv}) and the exclusion limits of its art. 81.1
 * ({@code irpf-exclusion-limits.csv}). Each value keeps its {@link Source}. The rows of the files and their parsing are
 * here too, each refusal naming the line.
 */
public record IrpfRules(LocalDate day, Map<Parameter, Value> parameters, List<Band> scale,
        Map<Integer, Map<Integer, Value>> exclusionLimits) {

    public static final String PARAMETERS_HEADER = "from;to;name;value;status;source";
    public static final String SCALE_HEADER = "from;to;base_from;rate;status;source";
    public static final String EXCLUSION_HEADER = "from;to;situation;children;limit;status;source";

    /**
     * The named amounts of {@code irpf-parameters.csv}; the file's header says what each one is and where it is from.
     */
    public enum Parameter {
        OTHER_EXPENSES, OTHER_EXPENSES_MOBILITY, OTHER_EXPENSES_DISABILITY, OTHER_EXPENSES_DISABILITY_SEVERE,
        REDUCTION_MAX, REDUCTION_LOW_THRESHOLD, REDUCTION_MID_THRESHOLD, REDUCTION_HIGH_THRESHOLD, REDUCTION_LOW_FACTOR,
        REDUCTION_MID, REDUCTION_HIGH_FACTOR, MANY_DESCENDANTS_REDUCTION, PERSONAL_MINIMUM, PERSONAL_MINIMUM_OVER_65,
        PERSONAL_MINIMUM_OVER_75, DESCENDANT_1, DESCENDANT_2, DESCENDANT_3, DESCENDANT_4_AND_MORE, DESCENDANT_UNDER_3,
        ASCENDANT, ASCENDANT_OVER_75, DISABILITY_MINIMUM, DISABILITY_MINIMUM_SEVERE, DISABILITY_ASSISTANCE, LIMIT_RATE,
        LIMIT_PAY, HOME_LOAN_POINTS, HOME_LOAN_PAY, FLOOR_SHORT_CONTRACT, FLOOR_SPECIAL_RELATIONSHIP,
        REGULARISED_RATE_MAX, ARREARS_EARLIER_YEARS;

        /** The name in the file. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Parameter> of(String code) {
            for (Parameter parameter : values()) {
                if (parameter.code().equals(code)) {
                    return Optional.of(parameter);
                }
            }
            return Optional.empty();
        }
    }

    /** A value and where it comes from. */
    public record Value(BigDecimal amount, Source source) {
    }

    /** A band of the scale: the rate applies to the part of the base from {@code from} to the next band's. */
    public record Band(BigDecimal from, BigDecimal rate, Source source) {
    }

    /** A row of {@code irpf-parameters.csv}. */
    public record ParameterRow(String place, Validity validity, Parameter name, BigDecimal value, Source source) {
    }

    /** A row of {@code irpf-scale.csv}. */
    public record ScaleRow(String place, Validity validity, BigDecimal baseFrom, BigDecimal rate, Source source) {
    }

    /** A row of {@code irpf-exclusion-limits.csv}; {@code children} 2 stands for two or more. */
    public record ExclusionRow(String place, Validity validity, int situation, int children, BigDecimal limit,
            Source source) {
    }

    public IrpfRules {
        parameters = Map.copyOf(parameters);
        scale = List.copyOf(scale);
        Map<Integer, Map<Integer, Value>> limits = new HashMap<>();
        exclusionLimits.forEach((situation, byChildren) -> limits.put(situation, Map.copyOf(byChildren)));
        exclusionLimits = Map.copyOf(limits);
    }

    public Value value(Parameter parameter) {
        return parameters.get(parameter);
    }

    public BigDecimal amount(Parameter parameter) {
        return parameters.get(parameter).amount();
    }

    /**
     * The exclusion limit of art. 81.1 for a situation of modelo 145 (1, 2 or 3) and a number of descendants giving
     * right to the minimum (two or more counting as two); none for situation 1 without descendants, which the table
     * leaves empty.
     */
    public Optional<Value> exclusionLimit(int situation, int descendants) {
        return Optional.ofNullable(exclusionLimits.getOrDefault(situation, Map.of()).get(Math.min(descendants, 2)));
    }

    /**
     * The quota of the art. 85.1 scale on an amount: each band's rate on the part of the amount within it, the sum
     * rounded to cents half up (the text gives the quotas in cents and says nothing of rounding; the hub rounds every
     * amount to cents half up).
     */
    public BigDecimal quota(BigDecimal amount) {
        BigDecimal quota = BigDecimal.ZERO;
        for (int i = 0; i < scale.size(); i++) {
            Band band = scale.get(i);
            if (amount.compareTo(band.from()) <= 0) {
                break;
            }
            BigDecimal top = i + 1 < scale.size() ? amount.min(scale.get(i + 1).from()) : amount;
            quota = quota.add(top.subtract(band.from()).multiply(band.rate()));
        }
        return quota.movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The rules in force on a day.
     *
     * @throws PayrollRulesFileException
     *             naming the file, when a parameter, the scale or a cell of the exclusion table has no row in force
     *             that day
     */
    public static IrpfRules on(LocalDate day, List<ParameterRow> parameterRows, List<ScaleRow> scaleRows,
            List<ExclusionRow> exclusionRows) {
        Map<Parameter, Value> parameters = new EnumMap<>(Parameter.class);
        parameterRows.stream().filter(row -> row.validity().covers(day))
                .forEach(row -> parameters.put(row.name(), new Value(row.value(), row.source())));
        for (Parameter parameter : Parameter.values()) {
            if (!parameters.containsKey(parameter)) {
                throw new PayrollRulesFileException("irpf-parameters.csv",
                        "has no row of " + parameter.code() + " in force on " + day);
            }
        }
        List<Band> scale = scaleRows.stream().filter(row -> row.validity().covers(day))
                .sorted(Comparator.comparing(ScaleRow::baseFrom))
                .map(row -> new Band(row.baseFrom(), row.rate(), row.source())).toList();
        if (scale.isEmpty() || scale.get(0).from().signum() != 0) {
            throw new PayrollRulesFileException("irpf-scale.csv", "has no band from 0.00 in force on " + day);
        }
        Map<Integer, Map<Integer, Value>> limits = new HashMap<>();
        exclusionRows.stream().filter(row -> row.validity().covers(day))
                .forEach(row -> limits.computeIfAbsent(row.situation(), s -> new HashMap<>()).put(row.children(),
                        new Value(row.limit(), row.source())));
        for (int situation = 1; situation <= 3; situation++) {
            for (int children = situation == 1 ? 1 : 0; children <= 2; children++) {
                if (!limits.getOrDefault(situation, Map.of()).containsKey(children)) {
                    throw new PayrollRulesFileException("irpf-exclusion-limits.csv", "has no limit of situation "
                            + situation + " with " + children + " children in force on " + day);
                }
            }
        }
        return new IrpfRules(day, parameters, scale, limits);
    }

    /**
     * @throws PayrollRulesFileException
     *             for a row without the header's six fields, an unknown name, or a value that is not a number with two
     *             decimals
     */
    public static ParameterRow parameter(String place, String text) {
        String[] fields = fields(place, text, PARAMETERS_HEADER);
        Parameter name = Parameter.of(fields[2].strip()).orElseThrow(
                () -> new PayrollRulesFileException(place, "there is no parameter '" + fields[2].strip() + "'"));
        return new ParameterRow(place, Validity.parse(fields[0], fields[1], place), name,
                RuleRows.twoDecimals(fields[3], "value", "2000.00", place), Source.parse(fields[5], fields[4], place));
    }

    /**
     * @throws PayrollRulesFileException
     *             for a row without the header's six fields, or a base or rate that is not a number with two decimals,
     *             or a rate above 100
     */
    public static ScaleRow scale(String place, String text) {
        String[] fields = fields(place, text, SCALE_HEADER);
        BigDecimal rate = RuleRows.twoDecimals(fields[3], "rate", "19.00", place);
        if (rate.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new PayrollRulesFileException(place, "the rate is a percentage up to 100.00, not " + rate);
        }
        return new ScaleRow(place, Validity.parse(fields[0], fields[1], place),
                RuleRows.twoDecimals(fields[2], "base", "12450.00", place), rate,
                Source.parse(fields[5], fields[4], place));
    }

    /**
     * @throws PayrollRulesFileException
     *             for a row without the header's seven fields, a situation other than 1, 2 or 3, children other than 0,
     *             1 or 2 (situation 1 needs at least one), or a limit that is not a number with two decimals
     */
    public static ExclusionRow exclusion(String place, String text) {
        String[] fields = fields(place, text, EXCLUSION_HEADER);
        String situation = fields[2].strip();
        String children = fields[3].strip();
        if (!situation.matches("[123]")) {
            throw new PayrollRulesFileException(place, "the situation is 1, 2 or 3, not '" + situation + "'");
        }
        if (!children.matches("[012]") || "1".equals(situation) && "0".equals(children)) {
            throw new PayrollRulesFileException(place, "the children are 0, 1 or 2 (two or more), and at least 1 in "
                    + "situation 1, not '" + children + "'");
        }
        return new ExclusionRow(place, Validity.parse(fields[0], fields[1], place), Integer.parseInt(situation),
                Integer.parseInt(children), RuleRows.twoDecimals(fields[4], "limit", "15876.00", place),
                Source.parse(fields[6], fields[5], place));
    }

    private static String[] fields(String place, String text, String header) {
        String[] fields = text.split(";", -1);
        if (fields.length != header.split(";").length) {
            throw new PayrollRulesFileException(place, "needs the fields " + header);
        }
        return fields;
    }
}
