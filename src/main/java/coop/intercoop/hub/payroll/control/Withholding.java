package coop.intercoop.hub.payroll.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import coop.intercoop.hub.payroll.entity.IrpfRules;
import coop.intercoop.hub.payroll.entity.IrpfRules.Parameter;
import coop.intercoop.hub.payroll.entity.Source;

/**
 * The IRPF withholding rate on an employee's pay by the general procedure of the Reglamento del IRPF (Real Decreto
 * 439/2007, BOE-A-2007-6820) arts. 81 to 87, each step a {@link Figure} with its base, rate, amount and sources, so
 * that a person can check it line by line:
 * <ol>
 * <li>the pay the employee is expected to earn in the year (art. 83.2, rule 1.ª) and the exclusion limit of the
 * employee's situation (art. 81.1): at or below it nothing is withheld, unless a minimum rate of art. 86.2 applies
 * (art. 81.3);</li>
 * <li>the base for the rate (art. 83.3): the pay less the employee's Social Security contributions (b), the other
 * expenses of Ley 35/2006 art. 19.2.f (c), the reduction for earned income (d) and 600 euros for more than two
 * descendants (e);</li>
 * <li>the personal and family minimum (art. 84: Ley 35/2006 arts. 56 to 61, descendants by half unless the employee
 * alone has the right);</li>
 * <li>the quota: the art. 85.1 scale on the base less the scale on the minimum, not below zero, and at most 43 % of the
 * pay above the exclusion limit when the pay is at most 35.200 euros (art. 85.3);</li>
 * <li>the rate: the quota over the pay, in percent with two decimals (art. 86.1), two points less for a pre-2013 home
 * loan (art. 86.1), not below the floors of art. 86.2.</li>
 * </ol>
 * Every amount is rounded to cents half up where it is computed, and the rate to two decimals half up: the Reglamento
 * says the rate "se expresará con dos decimales" and gives no other rounding.
 * <p>
 * Not lowered for the 2026 deduction for earners of the minimum wage (Ley 35/2006 disposición adicional 61, with effect
 * from 2026 as Real Decreto-ley 5/2026, BOE-A-2026-3810, left it): it is a deduction of the annual return's quota, and
 * the withholding procedure of arts. 82 to 86 has no step for it, so the employee receives it in the return.
 * <p>
 * Left out (the employee's data has no place for them yet): the reductions of Ley art. 18.2 and 18.3 for irregular
 * income (art. 83.3.a), the compensatory pension and the maintenance paid to children by court order (arts. 83.3.f and
 * 85.2), pensions and unemployment benefits (arts. 81.2 and 83.3.e), the daily manual workers' rule (art. 83.2, 2.ª),
 * Ceuta and Melilla (arts. 80.2 and 86.2), the fixed rates of art. 80.1.3.º to 5.º, and the limits of art. 87.5 on a
 * regularisation for circumstances that only lower the difference between base and minimum.
 */
public final class Withholding {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    /** Ley 35/2006 art. 60: a disability counts from a degree of 33 %, and at 65 % it is severe. */
    private static final int DISABILITY = 33;
    private static final int SEVERE_DISABILITY = 65;
    /** Ley 35/2006 arts. 57, 58.2 and 59: the ages that change a minimum, reached by the end of the year. */
    private static final int OLD = 65;
    private static final int VERY_OLD = 75;
    private static final int INFANT = 3;

    private Withholding() {
    }

    /**
     * A degree of disability (0 for none) and whether the person needs the help of others or has reduced mobility (as
     * modelo 145 asks it).
     */
    public record Disability(int degree, boolean assistance) {

        public static final Disability NONE = new Disability(0, false);

        public Disability {
            if (degree < 0 || degree > 100) {
                throw new IllegalArgumentException("a degree of disability is a percentage, not " + degree);
            }
        }

        boolean counts() {
            return degree >= DISABILITY;
        }

        /** Ley art. 19.2.f and 60: help of others or reduced mobility, or a degree of 65 % or more. */
        boolean severeOrAssisted() {
            return counts() && (assistance || degree >= SEVERE_DISABILITY);
        }
    }

    /**
     * A descendant giving right to the minimum for descendants (under 25 or with a disability, living with the
     * employee, income up to 8.000 euros: Ley art. 58.1), as declared on modelo 145.
     *
     * @param whole
     *            whether the employee alone has the right to the whole minimum; otherwise it counts by half (RIRPF art.
     *            84.2.º)
     */
    public record Descendant(int birthYear, Disability disability, boolean whole) {
    }

    /**
     * An ascendant living with the employee, as declared on modelo 145.
     *
     * @param sharedBy
     *            how many descendants, the employee included, apply its minimum: it is shared out equally among them
     *            (Ley art. 61.1.ª)
     */
    public record Ascendant(int birthYear, Disability disability, int sharedBy) {

        public Ascendant {
            if (sharedBy < 1) {
                throw new IllegalArgumentException("an ascendant's minimum is shared by the employee at least");
            }
        }
    }

    /**
     * The employee's data of modelo 145.
     *
     * @param situation
     *            1, 2 or 3 as RIRPF art. 81.1 defines them; situation 1 needs descendants
     * @param mobility
     *            an unemployed person who accepted this job moving to another municipality, this year or the last (Ley
     *            art. 19.2.f)
     * @param homeLoan
     *            the employee finances the home with a loan taken before 2013 giving right to the transitional
     *            deduction (RIRPF art. 86.1)
     */
    public record Employee(int situation, int birthYear, Disability disability, List<Descendant> descendants,
            List<Ascendant> ascendants, boolean mobility, boolean homeLoan) {

        public Employee {
            if (situation < 1 || situation > 3) {
                throw new IllegalArgumentException("the family situation is 1, 2 or 3, not " + situation);
            }
            if (situation == 1 && descendants.isEmpty()) {
                throw new IllegalArgumentException("situation 1 is that of a single parent: it needs descendants");
            }
            descendants = List.copyOf(descendants);
            ascendants = List.copyOf(ascendants);
        }
    }

    /** The employment relationship, for the floors of RIRPF art. 86.2. */
    public enum Relationship {
        COMMON,
        /** A special dependent employment relationship (Estatuto de los Trabajadores art. 2): floor 15 %. */
        SPECIAL_DEPENDENT,
        /**
         * The special relationship of persons with disability in special employment centres (Real Decreto 1368/1985):
         * the 15 % floor does not apply (RIRPF art. 86.2, second paragraph).
         */
        SPECIAL_DISABILITY
    }

    /** The contract: its first day, its last if fixed-term, and the relationship. */
    public record Contract(LocalDate start, Optional<LocalDate> end, Relationship relationship) {

        public Contract {
            if (end.isPresent() && end.get().isBefore(start)) {
                throw new IllegalArgumentException("a contract ends on or after its first day");
            }
        }

        /** RIRPF art. 86.2: "contratos o relaciones de duración inferior al año", both days counted. */
        public boolean underOneYear() {
            return end.map(last -> last.isBefore(start.plusYears(1).minusDays(1))).orElse(false);
        }
    }

    /**
     * What the employee is expected to earn in the year (RIRPF art. 83.2) and to pay in Social Security contributions.
     */
    public record Forecast(BigDecimal pay, BigDecimal contributions) {

        public Forecast {
            if (pay.signum() <= 0 || contributions.signum() < 0 || contributions.compareTo(pay) > 0) {
                throw new IllegalArgumentException("the pay is above zero and the contributions between zero and it");
            }
        }
    }

    /** The steps of the procedure. */
    public enum Step {
        PAY, EXCLUSION_LIMIT, EXCLUDED, CONTRIBUTIONS, OTHER_EXPENSES, EARNED_INCOME_REDUCTION, MANY_DESCENDANTS, BASE,
        PERSONAL_MINIMUM, DESCENDANTS_MINIMUM, ASCENDANTS_MINIMUM, DISABILITY_MINIMUM, MINIMUM, QUOTA_ON_BASE,
        QUOTA_ON_MINIMUM, QUOTA, QUOTA_LIMIT, RATE, HOME_LOAN, FLOOR, WITHHELD_SO_FAR, PAY_SO_FAR, REMAINING_PAY,
        REGULARISED_QUOTA, REGULARISED_RATE, RATE_MAX
    }

    /**
     * A step's figure: its amount (euros, or a percentage for the rates), the base and the rate it was computed from
     * when it is a rate on a base, and the sources of the rule and of the values used.
     */
    public record Figure(Step step, BigDecimal amount, Optional<BigDecimal> base, Optional<BigDecimal> rate,
            List<Source> sources) {

        public Figure {
            sources = List.copyOf(sources);
        }
    }

    /** The steps and the rate they lead to, in percent with two decimals. */
    public record Result(List<Figure> steps, BigDecimal rate) {

        public Result {
            steps = List.copyOf(steps);
        }

        /** The figure of a step, if the procedure reached it. */
        public Optional<Figure> figure(Step step) {
            return steps.stream().filter(figure -> figure.step() == step).findFirst();
        }

        /** The amount to withhold on a payment: the rate on it, to cents half up (RIRPF art. 82.5.ª). */
        public BigDecimal on(BigDecimal pay) {
            return pay.multiply(rate).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
        }
    }

    /**
     * The withholding rate for the year's forecast, by RIRPF arts. 82 to 86.
     *
     * @param rules
     *            the rules in force on the day paid; their year is the one of the ages
     */
    public static Result rate(IrpfRules rules, Employee employee, Contract contract, Forecast forecast) {
        Procedure procedure = new Procedure(rules, employee, contract, forecast);
        if (procedure.excluded) {
            return new Result(procedure.steps, zero());
        }
        BigDecimal rate = procedure.quota.multiply(HUNDRED).divide(forecast.pay(), 2, RoundingMode.HALF_UP);
        procedure.add(Step.RATE, rate, forecast.pay(), null, article("86.1"));
        return new Result(procedure.steps, procedure.homeLoanAndFloor(rate));
    }

    /**
     * The regularised rate for the rest of the year when the forecast changes (RIRPF art. 87.2.3.º), by art. 87.3: the
     * quota of the new forecast less what was withheld so far, over the pay that remains to the end of the year.
     *
     * @param withheldSoFar
     *            withheld this year so far; for an employee with the home-loan reduction, what would have been withheld
     *            without it (art. 87.3.b)
     *
     * @throws IllegalArgumentException
     *             if no pay remains: the pay so far is not below the new forecast
     */
    public static Result regularised(IrpfRules rules, Employee employee, Contract contract, Forecast forecast,
            BigDecimal paySoFar, BigDecimal withheldSoFar) {
        BigDecimal remaining = forecast.pay().subtract(paySoFar);
        if (remaining.signum() <= 0) {
            throw new IllegalArgumentException("the new forecast " + forecast.pay()
                    + " leaves no pay to the end of the year after " + paySoFar + " paid");
        }
        Procedure procedure = new Procedure(rules, employee, contract, forecast);
        if (procedure.excluded) {
            return new Result(procedure.steps, zero());
        }
        procedure.add(Step.WITHHELD_SO_FAR, withheldSoFar, null, null, article("87.3.b"));
        BigDecimal quota = procedure.quota.subtract(withheldSoFar).max(zero());
        procedure.add(Step.REGULARISED_QUOTA, quota, null, null, article("87.3.b"));
        procedure.add(Step.PAY_SO_FAR, paySoFar, null, null, article("87.3.c"));
        procedure.add(Step.REMAINING_PAY, remaining, null, null, article("87.3.c"));
        BigDecimal rate = quota.multiply(HUNDRED).divide(remaining, 2, RoundingMode.HALF_UP);
        procedure.add(Step.REGULARISED_RATE, rate, remaining, null, article("87.3.c"));
        rate = procedure.homeLoanAndFloor(rate);
        BigDecimal max = rules.amount(Parameter.REGULARISED_RATE_MAX);
        if (rate.compareTo(max) > 0) {
            procedure.add(Step.RATE_MAX, max, null, null, rules.value(Parameter.REGULARISED_RATE_MAX).source());
            rate = max;
        }
        return new Result(procedure.steps, rate);
    }

    /**
     * Why a month's rate is what it is (RIRPF art. 87: the rate computed at the start of the year or of the
     * relationship holds, and is regularised only in the cases of art. 87.2).
     */
    public enum Reason {
        /** No rate of this year before: computed by arts. 82 to 86. */
        FIRST("first", "BOE-A-2007-6820 arts. 82 to 86: the first rate of the year"),
        /** The forecast and the personal data as last month: the rate held (art. 87.1). */
        HELD("held", "BOE-A-2007-6820 art. 87.1: the rate held, the forecast and the personal data unchanged"),
        /** The expected pay of the year changed (art. 87.2.3.º): regularised by art. 87.3. */
        PAY_CHANGED("pay-changed", "BOE-A-2007-6820 art. 87.2.3.º and 87.3: regularised, the expected pay changed"),
        /** The personal data of modelo 145 or the contract changed (art. 87.2): regularised by art. 87.3. */
        DATA_CHANGED("data-changed",
                "BOE-A-2007-6820 art. 87.2 and 87.3: regularised, the personal data or the contract changed"),
        /** Arrears of the year paid in a complementary run: withheld at the rate of the month paid. */
        ARREARS("arrears", "BOE-A-2007-6820 art. 82: the arrears withheld at the rate of the month paid"),
        /**
         * Arrears of an earlier year paid in a complementary run: withheld at the fixed rate of such arrears (art.
         * 80.1.5.º), which {@code irpf-parameters.csv} gives with its source.
         */
        EARLIER_YEAR("earlier-year", "BOE-A-2007-6820 art. 80.1.5.º: arrears of an earlier year, at a fixed rate");

        private final String code;
        private final String citation;

        Reason(String code, String citation) {
            this.code = code;
            this.citation = citation;
        }

        public String code() {
            return code;
        }

        /** The source a withholding line of this reason cites. */
        public Source source() {
            return new Source(citation, Source.Status.VERIFIED);
        }

        public static Reason of(String code) {
            for (Reason reason : values()) {
                if (reason.code.equals(code)) {
                    return reason;
                }
            }
            throw new IllegalArgumentException("no reason " + code);
        }
    }

    /**
     * The forecast and rate of an employee's last month this year, and the fingerprint of the personal data they were
     * computed on ({@link #personalData}).
     */
    public record Held(Forecast forecast, BigDecimal rate, String personalData) {
    }

    /**
     * A fingerprint of what the rate depends on besides the pay: the modelo 145 data and the contract's dates and
     * relationship (RIRPF art. 87.2: the cases of regularisation are changes of these). Two months with the same data
     * give the same text.
     */
    public static String personalData(Employee employee, Contract contract) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((employee + "|" + contract).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * The decision of RIRPF art. 87 for a month: the rate of the last month holds while the expected pay and
     * contributions and the personal data are those it was computed on; else it is regularised, naming why.
     *
     * @param previous
     *            the last month's forecast, rate and personal data this year, if any
     */
    public static Reason decide(Optional<Held> previous, Forecast forecast, String personalData) {
        if (previous.isEmpty()) {
            return Reason.FIRST;
        }
        if (!previous.get().personalData().equals(personalData)) {
            return Reason.DATA_CHANGED;
        }
        Forecast last = previous.get().forecast();
        return last.pay().compareTo(forecast.pay()) == 0
                && last.contributions().compareTo(forecast.contributions()) == 0 ? Reason.HELD : Reason.PAY_CHANGED;
    }

    /** A rate held from an earlier month (art. 87.1), as one figure. */
    public static Result held(Held held) {
        return new Result(List.of(new Figure(Step.RATE, held.rate(), Optional.of(held.forecast().pay()),
                Optional.empty(), List.of(Reason.HELD.source()))), held.rate());
    }

    /** The steps up to the quota, shared by the rate and its regularisation. */
    private static final class Procedure {

        private final IrpfRules rules;
        private final Employee employee;
        private final int year;
        private final List<Figure> steps = new ArrayList<>();
        private final BigDecimal floor;
        private final List<Source> floorSources = new ArrayList<>();
        private final BigDecimal pay;
        private final boolean excluded;
        private BigDecimal quota = zero();
        private boolean nothingAboveMinimum;

        Procedure(IrpfRules rules, Employee employee, Contract contract, Forecast forecast) {
            this.rules = rules;
            this.employee = employee;
            this.year = rules.day().getYear();
            this.pay = forecast.pay();
            add(Step.PAY, pay, null, null, article("83.2"));
            floor = floor(contract);
            IrpfRules.Value limit = rules.exclusionLimit(employee.situation(), employee.descendants().size())
                    .orElseThrow();
            add(Step.EXCLUSION_LIMIT, limit.amount(), null, null, article("81.1"), limit.source());
            // Art. 81.3: the exclusion does not hold where a minimum rate of art. 86.2 applies (contracts under one
            // year, special dependent relationships), so such pay is withheld at least at the floor however low it is
            // (DGT V1820-24: the 2 % works as a floor on the rate of the general procedure). The relationship of
            // persons with disability has no floor unless it is also under one year, so its exclusion holds.
            excluded = pay.compareTo(limit.amount()) <= 0 && floor.signum() == 0;
            if (excluded) {
                add(Step.EXCLUDED, zero(), pay, null, article("81.1"));
                return;
            }
            BigDecimal contributions = forecast.contributions();
            add(Step.CONTRIBUTIONS, contributions, null, null, article("83.3.b"));
            BigDecimal net = pay.subtract(contributions);
            BigDecimal expenses = otherExpenses().min(net);
            add(Step.OTHER_EXPENSES, expenses, null, null, otherExpensesSources());
            BigDecimal reduction = reduction(net);
            BigDecimal base = net.subtract(expenses).subtract(reduction);
            if (employee.descendants().size() > 2) {
                IrpfRules.Value many = rules.value(Parameter.MANY_DESCENDANTS_REDUCTION);
                add(Step.MANY_DESCENDANTS, many.amount(), null, null, many.source());
                base = base.subtract(many.amount());
            }
            base = base.max(zero());
            add(Step.BASE, base, null, null, article("83.1"));
            BigDecimal minimum = minimum();
            BigDecimal onBase = rules.quota(base);
            add(Step.QUOTA_ON_BASE, onBase, base, null, scaleSources());
            BigDecimal onMinimum = rules.quota(minimum);
            add(Step.QUOTA_ON_MINIMUM, onMinimum, minimum, null, scaleSources());
            quota = onBase.subtract(onMinimum).max(zero());
            add(Step.QUOTA, quota, null, null, article("85.1.2.º"));
            // Art. 86.1, second paragraph: no quota, no rate, when the base does not exceed the minimum.
            nothingAboveMinimum = base.compareTo(minimum) <= 0;
            if (pay.compareTo(rules.amount(Parameter.LIMIT_PAY)) <= 0) {
                BigDecimal limitRate = rules.amount(Parameter.LIMIT_RATE);
                BigDecimal above = pay.subtract(limit.amount()).max(zero());
                BigDecimal cap = above.multiply(limitRate).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
                if (cap.compareTo(quota) < 0) {
                    add(Step.QUOTA_LIMIT, cap, above, limitRate, rules.value(Parameter.LIMIT_RATE).source(),
                            rules.value(Parameter.LIMIT_PAY).source(), limit.source());
                    quota = cap;
                }
            }
        }

        /** RIRPF art. 86.2: the highest floor that applies, zero when none does. */
        private BigDecimal floor(Contract contract) {
            BigDecimal lowest = zero();
            if (contract.underOneYear()) {
                lowest = rules.amount(Parameter.FLOOR_SHORT_CONTRACT);
                floorSources.add(rules.value(Parameter.FLOOR_SHORT_CONTRACT).source());
            }
            // Not for the special relationship of persons with disability: art. 86.2, second paragraph.
            if (contract.relationship() == Relationship.SPECIAL_DEPENDENT) {
                lowest = lowest.max(rules.amount(Parameter.FLOOR_SPECIAL_RELATIONSHIP));
                floorSources.add(rules.value(Parameter.FLOOR_SPECIAL_RELATIONSHIP).source());
            }
            return lowest;
        }

        /** Ley art. 19.2.f: the other expenses and their increases for mobility and disability. */
        private BigDecimal otherExpenses() {
            BigDecimal expenses = rules.amount(Parameter.OTHER_EXPENSES);
            if (employee.mobility()) {
                expenses = expenses.add(rules.amount(Parameter.OTHER_EXPENSES_MOBILITY));
            }
            if (employee.disability().severeOrAssisted()) {
                expenses = expenses.add(rules.amount(Parameter.OTHER_EXPENSES_DISABILITY_SEVERE));
            } else if (employee.disability().counts()) {
                expenses = expenses.add(rules.amount(Parameter.OTHER_EXPENSES_DISABILITY));
            }
            return expenses;
        }

        private List<Source> otherExpensesSources() {
            List<Source> sources = new ArrayList<>(List.of(article("83.3.c"), source(Parameter.OTHER_EXPENSES)));
            if (employee.mobility()) {
                sources.add(source(Parameter.OTHER_EXPENSES_MOBILITY));
            }
            if (employee.disability().severeOrAssisted()) {
                sources.add(source(Parameter.OTHER_EXPENSES_DISABILITY_SEVERE));
            } else if (employee.disability().counts()) {
                sources.add(source(Parameter.OTHER_EXPENSES_DISABILITY));
            }
            return sources;
        }

        /**
         * RIRPF art. 83.3.d: the reduction for earned income on the net income (pay less contributions), at most that
         * income.
         */
        private BigDecimal reduction(BigDecimal net) {
            BigDecimal low = rules.amount(Parameter.REDUCTION_LOW_THRESHOLD);
            BigDecimal mid = rules.amount(Parameter.REDUCTION_MID_THRESHOLD);
            BigDecimal high = rules.amount(Parameter.REDUCTION_HIGH_THRESHOLD);
            BigDecimal reduction;
            Parameter factor = null;
            if (net.compareTo(low) <= 0) {
                reduction = rules.amount(Parameter.REDUCTION_MAX);
            } else if (net.compareTo(mid) <= 0) {
                factor = Parameter.REDUCTION_LOW_FACTOR;
                reduction = rules.amount(Parameter.REDUCTION_MAX)
                        .subtract(net.subtract(low).multiply(rules.amount(factor)));
            } else if (net.compareTo(high) < 0) {
                factor = Parameter.REDUCTION_HIGH_FACTOR;
                reduction = rules.amount(Parameter.REDUCTION_MID)
                        .subtract(net.subtract(mid).multiply(rules.amount(factor)));
            } else {
                reduction = zero();
            }
            reduction = reduction.setScale(2, RoundingMode.HALF_UP).min(net).max(zero());
            List<Source> sources = new ArrayList<>(
                    List.of(source(Parameter.REDUCTION_MAX), source(Parameter.REDUCTION_LOW_THRESHOLD),
                            source(Parameter.REDUCTION_MID_THRESHOLD), source(Parameter.REDUCTION_HIGH_THRESHOLD)));
            if (factor != null) {
                sources.add(source(factor));
            }
            add(Step.EARNED_INCOME_REDUCTION, reduction, net, factor == null ? null : rules.amount(factor), sources);
            return reduction;
        }

        /** RIRPF art. 84 and Ley arts. 57 to 61: the personal and family minimum, each part a step. */
        private BigDecimal minimum() {
            int age = year - employee.birthYear();
            BigDecimal personal = rules.amount(Parameter.PERSONAL_MINIMUM);
            List<Source> personalSources = new ArrayList<>(List.of(source(Parameter.PERSONAL_MINIMUM)));
            if (age >= OLD) {
                personal = personal.add(rules.amount(Parameter.PERSONAL_MINIMUM_OVER_65));
                personalSources.add(source(Parameter.PERSONAL_MINIMUM_OVER_65));
            }
            if (age >= VERY_OLD) {
                personal = personal.add(rules.amount(Parameter.PERSONAL_MINIMUM_OVER_75));
                personalSources.add(source(Parameter.PERSONAL_MINIMUM_OVER_75));
            }
            add(Step.PERSONAL_MINIMUM, personal, null, null, personalSources);

            BigDecimal disability = disabilityMinimum(employee.disability());
            BigDecimal descendants = zero();
            List<Descendant> byAge = employee.descendants().stream()
                    .sorted(Comparator.comparingInt(Descendant::birthYear)).toList();
            Parameter[] order = { Parameter.DESCENDANT_1, Parameter.DESCENDANT_2, Parameter.DESCENDANT_3,
                    Parameter.DESCENDANT_4_AND_MORE };
            for (int i = 0; i < byAge.size(); i++) {
                Descendant descendant = byAge.get(i);
                BigDecimal amount = rules.amount(order[Math.min(i, order.length - 1)]);
                if (year - descendant.birthYear() < INFANT) {
                    amount = amount.add(rules.amount(Parameter.DESCENDANT_UNDER_3));
                }
                BigDecimal ownDisability = disabilityMinimum(descendant.disability());
                if (!descendant.whole()) {
                    amount = half(amount);
                    ownDisability = half(ownDisability);
                }
                descendants = descendants.add(amount);
                disability = disability.add(ownDisability);
            }
            if (!byAge.isEmpty()) {
                add(Step.DESCENDANTS_MINIMUM, descendants, null, null, article("84.2.º"),
                        source(Parameter.DESCENDANT_1), source(Parameter.DESCENDANT_2), source(Parameter.DESCENDANT_3),
                        source(Parameter.DESCENDANT_4_AND_MORE), source(Parameter.DESCENDANT_UNDER_3));
            }

            BigDecimal ascendants = zero();
            for (Ascendant ascendant : employee.ascendants()) {
                int its = year - ascendant.birthYear();
                if (its < OLD && !ascendant.disability().counts()) {
                    continue;
                }
                BigDecimal amount = rules.amount(Parameter.ASCENDANT);
                if (its >= VERY_OLD) {
                    amount = amount.add(rules.amount(Parameter.ASCENDANT_OVER_75));
                }
                BigDecimal shares = BigDecimal.valueOf(ascendant.sharedBy());
                ascendants = ascendants.add(amount.divide(shares, 2, RoundingMode.HALF_UP));
                disability = disability
                        .add(disabilityMinimum(ascendant.disability()).divide(shares, 2, RoundingMode.HALF_UP));
            }
            if (ascendants.signum() > 0) {
                add(Step.ASCENDANTS_MINIMUM, ascendants, null, null, source(Parameter.ASCENDANT),
                        source(Parameter.ASCENDANT_OVER_75));
            }
            if (disability.signum() > 0) {
                add(Step.DISABILITY_MINIMUM, disability, null, null, source(Parameter.DISABILITY_MINIMUM),
                        source(Parameter.DISABILITY_MINIMUM_SEVERE), source(Parameter.DISABILITY_ASSISTANCE));
            }
            BigDecimal minimum = personal.add(descendants).add(ascendants).add(disability);
            add(Step.MINIMUM, minimum, null, null, article("84"));
            return minimum;
        }

        /** Ley art. 60: 3.000 or 9.000 euros by degree, and 3.000 more for assistance or a degree of 65 % or more. */
        private BigDecimal disabilityMinimum(Disability disability) {
            if (!disability.counts()) {
                return zero();
            }
            BigDecimal amount = rules
                    .amount(disability.degree() >= SEVERE_DISABILITY ? Parameter.DISABILITY_MINIMUM_SEVERE
                            : Parameter.DISABILITY_MINIMUM);
            return disability.severeOrAssisted() ? amount.add(rules.amount(Parameter.DISABILITY_ASSISTANCE)) : amount;
        }

        /**
         * RIRPF art. 86.1 and 86.2, applied to the rate of art. 86.1 or 87.3.c: zero when the base does not exceed the
         * minimum, two points less for the home loan (not below zero), then the floor.
         */
        BigDecimal homeLoanAndFloor(BigDecimal rate) {
            BigDecimal result = nothingAboveMinimum ? zero() : rate;
            if (employee.homeLoan() && pay.compareTo(rules.amount(Parameter.HOME_LOAN_PAY)) < 0) {
                BigDecimal points = rules.amount(Parameter.HOME_LOAN_POINTS);
                result = result.subtract(points).max(zero());
                add(Step.HOME_LOAN, result, null, points, source(Parameter.HOME_LOAN_POINTS),
                        source(Parameter.HOME_LOAN_PAY));
            }
            if (result.compareTo(floor) < 0) {
                add(Step.FLOOR, floor, null, null, floorSources);
                result = floor;
            }
            return result;
        }

        private Source source(Parameter parameter) {
            return rules.value(parameter).source();
        }

        private List<Source> scaleSources() {
            return rules.scale().stream().map(IrpfRules.Band::source).distinct().toList();
        }

        void add(Step step, BigDecimal amount, BigDecimal base, BigDecimal rate, Source... sources) {
            add(step, amount, base, rate, List.of(sources));
        }

        void add(Step step, BigDecimal amount, BigDecimal base, BigDecimal rate, List<Source> sources) {
            steps.add(new Figure(step, amount, Optional.ofNullable(base), Optional.ofNullable(rate), sources));
        }
    }

    private static BigDecimal half(BigDecimal amount) {
        return amount.divide(TWO, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    /** A rule of the Reglamento applied by the procedure itself. */
    private static Source article(String article) {
        return new Source("BOE-A-2007-6820 art. " + article, Source.Status.VERIFIED);
    }
}
