package coop.intercoop.hub.payroll.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import coop.intercoop.hub.payroll.entity.ContributionRules;
import coop.intercoop.hub.payroll.entity.ContributionRules.GroupBase;
import coop.intercoop.hub.payroll.entity.ContributionRules.Item;
import coop.intercoop.hub.payroll.entity.ContributionRules.Rate;
import coop.intercoop.hub.payroll.entity.ContributionRules.Unit;
import coop.intercoop.hub.payroll.entity.PayrollRulesFileException;
import coop.intercoop.hub.payroll.entity.Source;

/**
 * The Social Security contributions of one employee of the Régimen General for one month: the two bases and every
 * contribution line, employer's and employee's, each with its base, rate, amount and source. Pure: the rules come in
 * ({@link PayrollTables#contributions()}), nothing is stored.
 * <p>
 * The rules, as the texts state them (LGSS = BOE-A-2015-11724; the order = the year's contribution order, Orden
 * PJC/178/2025 BOE-A-2025-3780 and Orden PJC/297/2026 BOE-A-2026-7296):
 * <ul>
 * <li>Common-contingencies base (LGSS art. 147.1; order art. 1.1): the month's pay plus the prorated extra payments
 * ("las percepciones de vencimiento superior al mensual se prorratearán a lo largo de los doce meses"), clamped to the
 * group's minimum and maximum (order art. 3). Overtime is not in it (LGSS art. 147.2.e).</li>
 * <li>Professional-contingencies (AT/EP) base (order art. 1.2): the same pay plus overtime of both kinds, clamped to
 * the AT/EP floor and ceiling (order art. 2). The unemployment, FOGASA and training contributions use it too (LGSS art.
 * 19.4; order art. 33.1).</li>
 * <li>Partial month (alta for part of the month): groups 1-7 and the AT/EP floor are monthly amounts, taken in
 * proportion to the days in alta over 30 when the month is not whole (the month of a monthly-paid worker counts 30
 * days, order art. 6.2 regla segunda); groups 8-11 are daily amounts, times the calendar days in alta (order art. 3,
 * second table). The solidarity threshold follows the same proportion (order art. 17.2).</li>
 * <li>Part time (order arts. 38 and 39): the minimum is the group's hourly minimum times the hours actually worked in
 * the month, and the AT/EP floor the hourly AT/EP floor times those hours (art. 38.3); the maximum stays the group's
 * (art. 38.2 tercera).</li>
 * <li>Unemployment rate (order art. 33.2.a): open-ended contracts, and the fixed-term contracts of relief, substitution
 * and practice, and any contract of a worker with a recognised disability of at least 33 %, take the open-ended rate;
 * other fixed-term contracts take the fixed-term rate.</li>
 * <li>Overtime (LGSS art. 149; order art. 5): an additional contribution on the overtime pay, at the force-majeure or
 * the other rate, besides its place in the AT/EP base.</li>
 * <li>Solidarity (LGSS art. 19 bis; order art. 17): on the pay of art. 147 (here the month's pay plus the prorated
 * extras) above the month's maximum base, split into the bands of {@code solidarity.csv}, each band a percentage of
 * that maximum base above it.</li>
 * <li>Short fixed-term contract (LGSS art. 151; order art. 28): a fixed-term contract of fewer than 30 days adds, in
 * the month it ends, the year's flat amount at the employer's charge, unless its kind is excluded.</li>
 * </ul>
 * Rounding: a prorated bound (monthly amount x days / 30, daily amount x days, hourly amount x hours) and each line's
 * amount (base x rate / 100) are rounded half-up to the cent, line by line, as each amount is what is liquidated for
 * that concept; the totals add the rounded lines. The texts set the amounts in cents but say no more about rounding:
 * this is the hub's rule (DESIGN: half-up to cents unless a rule says otherwise).
 */
public final class Contributions {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal THIRTY = BigDecimal.valueOf(30);

    /** The contract kinds that set the unemployment rate and the short-contract surcharge. */
    public enum ContractKind {
        /** Indefinido, full or part time, or fijo discontinuo. */
        OPEN_ENDED,
        /** Fixed term for production circumstances and any other fixed term not named below. */
        FIXED_TERM,
        /** Contrato de sustitución (and interinidad still in force). */
        SUBSTITUTION,
        /** Contrato de relevo. */
        RELIEF,
        /** Contrato formativo para la obtención de la práctica profesional. */
        PRACTICE;

        /** The code of the kind in {@code short-contract-surcharge.csv}'s excluded column. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The AT/EP premium of the employee's activity or occupation (tarifa de primas), in percent: employer only. */
    public record AtEpPremium(BigDecimal it, BigDecimal ims, Source source) {
        public AtEpPremium {
            if (it.signum() < 0 || ims.signum() < 0) {
                throw new IllegalArgumentException("the AT/EP rates are not negative");
            }
        }
    }

    /**
     * One employee's month.
     *
     * @param month
     *            the month contributed for
     * @param group
     *            the contribution group, 1 to 11
     * @param kind
     *            the contract's kind
     * @param disabled
     *            whether the worker has a recognised disability of at least 33 % on the month's first day in alta (the
     *            open-ended unemployment rate applies from the day it is recognised, order art. 33.2.a.6.º)
     * @param start
     *            the contract's first day
     * @param end
     *            the contract's last day, if known
     * @param partTimeHours
     *            for a part-time contract, the ordinary and complementary hours worked in the month (order art. 39.2:
     *            the minimum is per hour worked); empty for full time
     * @param pay
     *            the month's pay subject to contribution, without the extra payments' twelfths and without overtime
     * @param proratedExtras
     *            the month's share of the year's extra payments and other pay due less often than monthly (one twelfth,
     *            or the prorated part for a partial month); zero when they are paid prorated inside {@code pay}
     * @param overtimeForceMajeure
     *            pay for overtime caused by force majeure (Estatuto de los Trabajadores art. 35.3)
     * @param overtimeOther
     *            pay for other overtime
     * @param atEp
     *            the AT/EP premium of the employee's activity or occupation
     * @param unpaidDays
     *            days of the month in alta without pay (an unpaid leave or absence), of a full-time contract: their
     *            bases are the group's minimum and the AT/EP floor for those days ({@link #UNPAID_DAYS})
     * @param leaveOvertime
     *            what the AT/EP base of the days of a sick leave has besides their common-contingencies base (in
     *            {@code pay}): the twelfth of the overtime of the year before the leave, for those days (order art.
     *            6.3); no overtime contribution of its own
     */
    public record Input(YearMonth month, int group, ContractKind kind, boolean disabled, LocalDate start,
            Optional<LocalDate> end, Optional<BigDecimal> partTimeHours, BigDecimal pay, BigDecimal proratedExtras,
            BigDecimal overtimeForceMajeure, BigDecimal overtimeOther, AtEpPremium atEp, int unpaidDays,
            BigDecimal leaveOvertime) {

        /** A month without a sick leave's overtime. */
        public Input(YearMonth month, int group, ContractKind kind, boolean disabled, LocalDate start,
                Optional<LocalDate> end, Optional<BigDecimal> partTimeHours, BigDecimal pay, BigDecimal proratedExtras,
                BigDecimal overtimeForceMajeure, BigDecimal overtimeOther, AtEpPremium atEp, int unpaidDays) {
            this(month, group, kind, disabled, start, end, partTimeHours, pay, proratedExtras, overtimeForceMajeure,
                    overtimeOther, atEp, unpaidDays, BigDecimal.ZERO);
        }

        /** A month without days unpaid. */
        public Input(YearMonth month, int group, ContractKind kind, boolean disabled, LocalDate start,
                Optional<LocalDate> end, Optional<BigDecimal> partTimeHours, BigDecimal pay, BigDecimal proratedExtras,
                BigDecimal overtimeForceMajeure, BigDecimal overtimeOther, AtEpPremium atEp) {
            this(month, group, kind, disabled, start, end, partTimeHours, pay, proratedExtras, overtimeForceMajeure,
                    overtimeOther, atEp, 0, BigDecimal.ZERO);
        }

        public Input {
            if (group < 1 || group > 11) {
                throw new IllegalArgumentException("the contribution group is 1 to 11, not " + group);
            }
            if (end.isPresent() && end.get().isBefore(start)) {
                throw new IllegalArgumentException("the contract ends before it starts");
            }
            if (start.isAfter(month.atEndOfMonth()) || end.map(e -> e.isBefore(month.atDay(1))).orElse(false)) {
                throw new IllegalArgumentException("the contract has no day in " + month);
            }
            if (partTimeHours.isPresent() && partTimeHours.get().signum() <= 0) {
                throw new IllegalArgumentException("a part-time month has hours worked");
            }
            if (unpaidDays < 0 || unpaidDays > month.lengthOfMonth()) {
                throw new IllegalArgumentException("the days unpaid are 0 to the days of the month, not " + unpaidDays);
            }
            for (BigDecimal amount : List.of(pay, proratedExtras, overtimeForceMajeure, overtimeOther, leaveOvertime)) {
                if (amount.signum() < 0 || amount.scale() > 2) {
                    throw new IllegalArgumentException("the amounts are euros and cents, not negative: " + amount);
                }
            }
        }

        /** The month's first day in the contract. */
        public LocalDate firstDay() {
            return start.isAfter(month.atDay(1)) ? start : month.atDay(1);
        }

        /** The month's last day in the contract. */
        public LocalDate lastDay() {
            return end.filter(e -> e.isBefore(month.atEndOfMonth())).orElse(month.atEndOfMonth());
        }

        /** The calendar days of the month in the contract (in alta). */
        public int days() {
            return (int) ChronoUnit.DAYS.between(firstDay(), lastDay()) + 1;
        }

        public boolean wholeMonth() {
            return days() == month.lengthOfMonth();
        }
    }

    /** Who pays a line. */
    public enum Payer {
        EMPLOYER, EMPLOYEE
    }

    /**
     * One contribution: its concept (an item code of {@code contribution-rates.csv}, {@code at-ep-it},
     * {@code at-ep-ims}, {@code solidarity-1} to {@code -3}, or {@code short-contract}), who pays it, the base and rate
     * (in percent) it comes from, none for a flat amount, its amount and its source.
     */
    public record Line(String concept, Payer payer, Optional<BigDecimal> base, Optional<BigDecimal> rate,
            BigDecimal amount, Source source) {
    }

    /**
     * A contribution base: the pay it is computed from, the bounds that month (already prorated) with their sources,
     * and the base that results.
     */
    public record Base(BigDecimal computed, BigDecimal minimum, Source minimumSource, BigDecimal maximum,
            Source maximumSource, BigDecimal amount) {
    }

    /** The month's bases, lines and totals per payer. */
    public record Result(Base common, Base professional, List<Line> lines, BigDecimal employer, BigDecimal employee) {
        public Result {
            lines = List.copyOf(lines);
        }

        /** The line of a concept and payer, if the month has one. */
        public Optional<Line> line(String concept, Payer payer) {
            return lines.stream().filter(l -> l.concept().equals(concept) && l.payer() == payer).findFirst();
        }
    }

    /**
     * What a line based on days in alta without pay cites besides its rate: RD 2064/1995 art. 69.1 (the obligation to
     * contribute stays during unpaid leave that is no excedencia) and 69.2 (the group's minimum base for common
     * contingencies, the AT/EP floor for the professional ones), for those days in proportion to them (art. 7 of the
     * year's contribution order; 2026: Orden PJC/297/2026, BOE-A-2026-7296).
     */
    static final String UNPAID_DAYS = "base with %d days in alta without pay at the group's minimum and the AT/EP floor"
            + " for those days (BOE-A-1996-1579 art. 69; art. 7 of the year's contribution order)";

    /**
     * What a line on the AT/EP base of a month with a sick leave after overtime cites besides its rate: the leave's
     * days take the month before's base with the twelfth of the overtime of the year before instead of that month's
     * (art. 6.3 of the year's contribution order; 2026: Orden PJC/297/2026, BOE-A-2026-7296).
     */
    static final String LEAVE_OVERTIME = "AT/EP base of the leave's days with the twelfth of the overtime of the year"
            + " before the leave (art. 6.3 of the year's contribution order)";

    private static Source noted(Source source, String note) {
        return new Source(source.citation() + "; " + note, source.status());
    }

    private Contributions() {
    }

    /**
     * @throws PayrollRulesFileException
     *             when the rules have no row in force on the month's first day in the contract for a value it needs
     */
    public static Result of(ContributionRules rules, Input input) {
        LocalDate day = input.firstDay();
        GroupBase group = rules.base(input.group(), day);
        GroupBase atEpFloor = rules.base(ContributionRules.AT_EP, Unit.MONTH, day);
        // days in alta without pay are a stretch of their own, based at the minimum (a part-time month's minimum is by
        // the hours worked, and has none)
        int unpaid = input.partTimeHours().isPresent() ? 0
                : Math.min(input.unpaidDays(), input.wholeMonth() ? 30 : input.days());
        BigDecimal commonUnpaid = forDays(group.minimum(), group.unit(), unpaid);
        BigDecimal professionalUnpaid = forDays(atEpFloor.minimum(), Unit.MONTH, unpaid);
        BigDecimal maximum = prorated(group.maximum().orElseThrow(), group.unit(), input, unpaid);
        BigDecimal remuneration = input.pay().add(input.proratedExtras());

        BigDecimal commonMinimum;
        Source commonMinimumSource;
        BigDecimal professionalMinimum;
        Source professionalMinimumSource;
        if (input.partTimeHours().isPresent()) {
            BigDecimal hours = input.partTimeHours().get();
            GroupBase hourly = rules.base(String.valueOf(input.group()), Unit.HOUR, day);
            GroupBase atEpHourly = rules.base(ContributionRules.AT_EP, Unit.HOUR, day);
            commonMinimum = cents(hourly.minimum().multiply(hours));
            commonMinimumSource = hourly.source();
            professionalMinimum = cents(atEpHourly.minimum().multiply(hours));
            professionalMinimumSource = atEpHourly.source();
        } else {
            commonMinimum = prorated(group.minimum(), group.unit(), input, unpaid);
            commonMinimumSource = group.source();
            professionalMinimum = prorated(atEpFloor.minimum(), Unit.MONTH, input, unpaid);
            professionalMinimumSource = atEpFloor.source();
        }
        // the days paid clamped to their own bounds, then the days unpaid at their minimum added to all three
        Base common = base(remuneration.add(commonUnpaid), commonMinimum.add(commonUnpaid), commonMinimumSource,
                maximum.add(commonUnpaid), group.source());
        Base professional = base(
                remuneration.add(input.overtimeForceMajeure()).add(input.overtimeOther()).add(input.leaveOvertime())
                        .add(professionalUnpaid),
                professionalMinimum.add(professionalUnpaid), professionalMinimumSource, maximum.add(professionalUnpaid),
                group.source());

        List<Line> lines = new ArrayList<>();
        UnaryOperator<Source> based = unpaid == 0 ? s -> s : s -> noted(s, String.format(UNPAID_DAYS, unpaid));
        UnaryOperator<Source> professionalBased = input.leaveOvertime().signum() == 0 ? based
                : s -> noted(based.apply(s), LEAVE_OVERTIME);
        both(lines, rules.rate(Item.COMMON, day), common.amount(), based);
        both(lines, rules.rate(Item.MEI, day), common.amount(), based);
        both(lines, rules.rate(unemployment(input), day), professional.amount(), professionalBased);
        both(lines, rules.rate(Item.FOGASA, day), professional.amount(), professionalBased);
        both(lines, rules.rate(Item.TRAINING, day), professional.amount(), professionalBased);
        line(lines, "at-ep-it", Payer.EMPLOYER, professional.amount(), input.atEp().it(),
                professionalBased.apply(input.atEp().source()));
        line(lines, "at-ep-ims", Payer.EMPLOYER, professional.amount(), input.atEp().ims(),
                professionalBased.apply(input.atEp().source()));
        if (input.overtimeForceMajeure().signum() > 0) {
            both(lines, rules.rate(Item.OVERTIME_FORCE_MAJEURE, day), input.overtimeForceMajeure());
        }
        if (input.overtimeOther().signum() > 0) {
            both(lines, rules.rate(Item.OVERTIME_OTHER, day), input.overtimeOther());
        }
        solidarity(lines, rules, day, remuneration, maximum);
        surcharge(input, rules, day).ifPresent(lines::add);

        BigDecimal employer = total(lines, Payer.EMPLOYER);
        BigDecimal employee = total(lines, Payer.EMPLOYEE);
        return new Result(common, professional, lines, employer, employee);
    }

    /** Order art. 33.2.a.1.º and 6.º: which unemployment rate a contract takes. */
    static Item unemployment(Input input) {
        return input.kind() == ContractKind.FIXED_TERM && !input.disabled() ? Item.UNEMPLOYMENT_FIXED_TERM
                : Item.UNEMPLOYMENT_OPEN_ENDED;
    }

    /**
     * A month amount in proportion to the days in alta over 30 (a whole month counts 30), a day amount times the days
     * in alta; less the days unpaid, which are a stretch of their own.
     */
    private static BigDecimal prorated(BigDecimal amount, Unit unit, Input input, int unpaid) {
        boolean thirty = unit == Unit.MONTH && input.wholeMonth();
        return thirty && unpaid == 0 ? amount : forDays(amount, unit, (thirty ? 30 : input.days()) - unpaid);
    }

    /** A base for some days: a month amount over 30 times the days, a day amount times the days. */
    private static BigDecimal forDays(BigDecimal amount, Unit unit, int days) {
        return switch (unit) {
            case DAY -> cents(amount.multiply(BigDecimal.valueOf(days)));
            case MONTH -> amount.multiply(BigDecimal.valueOf(days)).divide(THIRTY, 2, RoundingMode.HALF_UP);
            case HOUR -> throw new IllegalStateException("an hourly amount is prorated by hours worked");
        };
    }

    private static Base base(BigDecimal computed, BigDecimal minimum, Source minimumSource, BigDecimal maximum,
            Source maximumSource) {
        BigDecimal amount = computed.max(minimum).min(maximum);
        return new Base(computed, minimum, minimumSource, maximum, maximumSource, amount);
    }

    private static void both(List<Line> lines, Rate rate, BigDecimal base) {
        both(lines, rate, base, s -> s);
    }

    private static void both(List<Line> lines, Rate rate, BigDecimal base, UnaryOperator<Source> based) {
        line(lines, rate.item().code(), Payer.EMPLOYER, base, rate.employer(), based.apply(rate.source()));
        line(lines, rate.item().code(), Payer.EMPLOYEE, base, rate.employee(), based.apply(rate.source()));
    }

    /** A line at a rate; none at a zero rate (FOGASA's employee share, an AT/EP rate a table leaves at zero). */
    private static void line(List<Line> lines, String concept, Payer payer, BigDecimal base, BigDecimal rate,
            Source source) {
        if (rate.signum() > 0) {
            lines.add(new Line(concept, payer, Optional.of(base), Optional.of(rate),
                    cents(base.multiply(rate).divide(HUNDRED)), source));
        }
    }

    /**
     * LGSS art. 19 bis: each band holds the part of the pay above the maximum base that lies between its bounds, in
     * percent of that maximum base; order art. 17.2: the maximum base of the days in alta.
     */
    private static void solidarity(List<Line> lines, ContributionRules rules, LocalDate day, BigDecimal remuneration,
            BigDecimal maximum) {
        BigDecimal excess = remuneration.subtract(maximum);
        if (excess.signum() <= 0) {
            return;
        }
        for (ContributionRules.SolidarityBand band : rules.solidarity(day)) {
            BigDecimal lower = cents(maximum.multiply(band.above()).divide(HUNDRED));
            BigDecimal upper = band.upTo().map(upTo -> cents(maximum.multiply(upTo).divide(HUNDRED))).orElse(excess);
            BigDecimal part = excess.min(upper).subtract(lower);
            if (part.signum() > 0) {
                String concept = "solidarity-" + band.band();
                line(lines, concept, Payer.EMPLOYER, part, band.employer(), band.source());
                line(lines, concept, Payer.EMPLOYEE, part, band.employee(), band.source());
            }
        }
    }

    /** LGSS art. 151; order art. 28: a fixed-term contract of fewer than 30 days that ends in the month. */
    private static Optional<Line> surcharge(Input input, ContributionRules rules, LocalDate day) {
        if (input.kind() == ContractKind.OPEN_ENDED || input.end().isEmpty()
                || !YearMonth.from(input.end().get()).equals(input.month())
                || ChronoUnit.DAYS.between(input.start(), input.end().get()) + 1 >= 30) {
            return Optional.empty();
        }
        ContributionRules.Surcharge surcharge = rules.surcharge(day);
        if (surcharge.excluded().contains(input.kind().code())) {
            return Optional.empty();
        }
        return Optional.of(new Line("short-contract", Payer.EMPLOYER, Optional.empty(), Optional.empty(),
                surcharge.amount(), surcharge.source()));
    }

    private static BigDecimal total(List<Line> lines, Payer payer) {
        return lines.stream().filter(l -> l.payer() == payer).map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2);
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
