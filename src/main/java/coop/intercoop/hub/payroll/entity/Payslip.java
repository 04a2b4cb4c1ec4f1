package coop.intercoop.hub.payroll.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One worker's salary receipt for one month (recibo individual justificativo del pago de salarios), with the sections
 * of the official model: Orden de 27 de diciembre de 1994 (BOE-A-1995-912), annex as amended by Orden ESS/2098/2014
 * (BOE-A-2014-11637). Its parts, in the model's order: the heading ({@link #company()}, {@link #worker()},
 * {@link #period()}); I. Devengos ({@link #earnings()}), A. Total devengado ({@link #totalEarned()}); II. Deducciones
 * (the worker's contributions {@link #employeeContributions()}, the IRPF {@link #withholding()}, {@link #advances()},
 * {@link #inKindValue()}, {@link #otherDeductions()}), B. Total a deducir ({@link #totalDeducted()}), the net pay A - B
 * ({@link #net()}); the date of the receipt ({@link #date()}); and the block that determines the contribution bases,
 * the base subject to IRPF withholding and the employer's contributions ({@link #bases()},
 * {@link #employerContributions()}).
 * <p>
 * A run's calculator fills it from its results: the contribution lines come from
 * {@code payroll.control.Contributions.Result} (each line's concept code gives its {@link Item} through
 * {@link Item#of(String)}), the withholding from {@code payroll.control.Withholding}. The totals are not given but
 * computed here, so that A, B and A - B always agree with the lines.
 * <p>
 * Every amount is euros with at most two decimals; rates are percent. An earning, a contribution's amount and the bases
 * block may be negative: pay not owed for days of unpaid absence is a negative line under the heading of the salary
 * item it reduces, and a receipt of differences (a complementary run) shows what was paid in excess as negative lines,
 * so that A (total devengado) is the pay earned, the contributions the contributions due and the base subject to
 * withholding the pay's difference. Then the net pay may be negative: the worker owes it back. A contribution's base
 * and rate, the amount withheld, the advances, the value in kind and the other deductions are never negative.
 *
 * @param company
 *            the employer: name, address, CIF and the CCC of the work centre the worker is registered in
 * @param worker
 *            the worker: name, NIF, NAF, professional group or category, contribution group, seniority
 * @param period
 *            the period settled and its number of days (the model's "Periodo de liquidación ... Total días")
 * @param earnings
 *            I. Devengos: every earning with its kind (the model's line it belongs under) and, where the kind has
 *            several (complements, allowances), its own concept
 * @param employeeContributions
 *            II.1: the worker's part of the Social Security contributions and the jointly collected concepts
 *            (aportación del trabajador a las cotizaciones a la Seguridad Social y conceptos de recaudación conjunta),
 *            each with base, rate, amount and source; never an item only the employer pays
 * @param withholding
 *            II.2: the IRPF withholding, with the base subject to it (also shown as the bases block's 4th line), its
 *            rate and source
 * @param advances
 *            II.3: advances paid during the month (anticipos; Orden de 27-12-1994 art. 1.2: pay for shorter periods is
 *            an advance on the monthly settlement)
 * @param inKindValue
 *            II.4: the value of the goods received in kind (valor de los productos recibidos en especie)
 * @param otherDeductions
 *            II.5: other deductions, each with its concept
 * @param date
 *            the day of the receipt, written above the signatures
 * @param bases
 *            the amounts of the bases block that are not a contribution line: the month's pay, the prorated extra
 *            payments, and the common, professional and overtime bases
 * @param employerContributions
 *            the employer's contributions (aportación de la empresa), each with base, rate, amount and source, which
 *            the 2014 order added to the model (its preamble: art. 104.2 of the LGSS of 1994 obliges the employer to
 *            state its part of the contribution on the receipt)
 */
public record Payslip(Company company, Worker worker, Period period, List<Earning> earnings,
        List<Contribution> employeeContributions, Withholding withholding, BigDecimal advances, BigDecimal inKindValue,
        List<Deduction> otherDeductions, LocalDate date, Bases bases, List<Contribution> employerContributions) {

    /**
     * The employer as the heading names it.
     *
     * @param name
     *            the organisation's name (Empresa)
     * @param address
     *            its address (Domicilio)
     * @param cif
     *            its tax id (CIF)
     * @param ccc
     *            the contribution account code (código de cuenta de cotización) of the work centre
     */
    public record Company(String name, String address, String cif, String ccc) {
        public Company {
            requireText(name, "company name");
            requireText(address, "company address");
            requireText(cif, "company CIF");
            requireText(ccc, "company CCC");
        }
    }

    /**
     * The worker as the heading names them.
     *
     * @param name
     *            full name (Trabajador)
     * @param nif
     *            NIF or NIE
     * @param naf
     *            Social Security affiliation number (Núm. Afil. Seguridad Social)
     * @param professionalGroup
     *            the professional group or category of the collective agreement (Grupo profesional)
     * @param contributionGroup
     *            the contribution group 1 to 11 (Grupo de cotización)
     * @param seniority
     *            the day seniority counts from (antigüedad), if the organisation records it: not a line of the model,
     *            an additional element its art. 1.1 allows
     */
    public record Worker(String name, String nif, String naf, String professionalGroup, int contributionGroup,
            Optional<LocalDate> seniority) {
        public Worker {
            requireText(name, "worker name");
            requireText(nif, "worker NIF");
            requireText(naf, "worker NAF");
            requireText(professionalGroup, "professional group");
            if (contributionGroup < 1 || contributionGroup > 11) {
                throw new IllegalArgumentException("the contribution group is 1 to 11, not " + contributionGroup);
            }
            Objects.requireNonNull(seniority, "seniority");
        }
    }

    /**
     * The period settled: inside one calendar month (Orden de 27-12-1994 art. 1.2: "El recibo de salarios se referirá a
     * meses naturales"), and its number of days as the model's "Total días" (30 for a whole month of a monthly paid
     * worker, the calendar days for a daily paid one: the caller decides).
     */
    public record Period(LocalDate from, LocalDate to, int days) {
        public Period {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("the period ends before it starts");
            }
            if (!YearMonth.from(from).equals(YearMonth.from(to))) {
                throw new IllegalArgumentException(
                        "a salary receipt is for one calendar month, not " + from + " to " + to);
            }
            if (days < 1 || days > 31) {
                throw new IllegalArgumentException("the period has 1 to 31 days, not " + days);
            }
        }

        public YearMonth month() {
            return YearMonth.from(from);
        }
    }

    /**
     * The model's lines under I. Devengos, in its order, each with its Spanish wording as the model writes it (the
     * model's words are the document's: Orden de 27-12-1994 art. 1.1 forbids renaming them).
     */
    public enum EarningKind {
        BASE_SALARY(true, "Salario base"), SALARY_COMPLEMENT(true, "Complementos salariales"),
        OVERTIME(true, "Horas extraordinarias"),
        COMPLEMENTARY_HOURS(true, "Horas complementarias (contratos a tiempo parcial)"),
        EXTRA_PAYMENT(true, "Gratificaciones extraordinarias"), IN_KIND(true, "Salario en especie"),
        ALLOWANCE(false, "Indemnizaciones o suplidos"),
        SOCIAL_SECURITY_BENEFIT(false, "Prestaciones e indemnizaciones de la Seguridad Social"),
        TRANSFER_OR_DISMISSAL(false, "Indemnizaciones por traslados, suspensiones o despidos"),
        OTHER_NON_SALARY(false, "Otras percepciones no salariales");

        private final boolean salary;
        private final String label;

        EarningKind(boolean salary, String label) {
            this.salary = salary;
            this.label = label;
        }

        /** Whether it is a salary earning (1. Percepciones salariales) rather than a non-salary one (2.). */
        public boolean salary() {
            return salary;
        }

        /** The model's wording of the line. */
        public String label() {
            return label;
        }
    }

    /**
     * One earning.
     *
     * @param kind
     *            the model's line it belongs under
     * @param concept
     *            its own name (a complement's, an allowance's, "Paga extraordinaria de verano"), or empty when the
     *            model's line says all
     * @param amount
     *            its amount
     */
    public record Earning(EarningKind kind, String concept, BigDecimal amount) {
        public Earning {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(concept, "concept");
            amount = signedEuros(amount, "earning " + kind);
        }
    }

    /**
     * A contribution concept of the receipt, in the order the model lists them. The 2014 model names common
     * contingencies, unemployment, vocational training and overtime for the worker, and adds AT/EP and FOGASA for the
     * employer; the MEI (the intergenerational equity mechanism; Orden PJC/297/2026 art. 16), the solidarity
     * contribution (LGSS art. 19 bis, since 2025) and the short fixed-term contract surcharge (LGSS art. 151) are not
     * in the model and are shown as additional elements, which the 1994 order's art. 1.1 allows.
     */
    public enum Item {
        COMMON(1, false, "Contingencias comunes", "common"),
        MEI(1, false, "Mecanismo de Equidad Intergeneracional (MEI)", "mei"),
        SOLIDARITY(1, false, "Cotización adicional de solidaridad", "solidarity-1", "solidarity-2", "solidarity-3"),
        SHORT_CONTRACT(1, true, "Cotización adicional por contrato de duración determinada inferior a 30 días",
                "short-contract"),
        AT_EP_IT(2, true, "AT y EP (incapacidad temporal)", "at-ep-it"),
        AT_EP_IMS(2, true, "AT y EP (incapacidad permanente, muerte y supervivencia)", "at-ep-ims"),
        UNEMPLOYMENT(2, false, "Desempleo", "unemployment-open-ended", "unemployment-fixed-term"),
        TRAINING(2, false, "Formación profesional", "training"),
        FOGASA(2, true, "Fondo de Garantía Salarial", "fogasa"),
        OVERTIME_FORCE_MAJEURE(3, false, "Horas extraordinarias (fuerza mayor)", "overtime-force-majeure"),
        OVERTIME_OTHER(3, false, "Horas extraordinarias (resto)", "overtime-other");

        private final int block;
        private final boolean employerOnly;
        private final String label;
        private final List<String> codes;

        Item(int block, boolean employerOnly, String label, String... codes) {
            this.block = block;
            this.employerOnly = employerOnly;
            this.label = label;
            this.codes = List.of(codes);
        }

        /**
         * The line of the bases block the item's employer contribution is shown under: 1 common contingencies, 2
         * professional contingencies and jointly collected concepts, 3 overtime.
         */
        public int block() {
            return block;
        }

        /** Whether only the employer pays it (it may not be among the worker's deductions). */
        public boolean employerOnly() {
            return employerOnly;
        }

        /** Its wording on the receipt. */
        public String label() {
            return label;
        }

        /** The item of a contribution line's concept code ({@code contribution-rates.csv} items and the others). */
        public static Item of(String code) {
            return Stream.of(values()).filter(item -> item.codes.contains(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no contribution item " + code));
        }
    }

    /**
     * One contribution, the worker's or the employer's.
     *
     * @param item
     *            what it is
     * @param base
     *            the base it is computed on, none for a flat amount
     * @param rate
     *            the rate in percent, none for a flat amount
     * @param amount
     *            its amount
     * @param source
     *            the rule it comes from
     */
    public record Contribution(Item item, Optional<BigDecimal> base, Optional<BigDecimal> rate, BigDecimal amount,
            Source source) {
        public Contribution {
            Objects.requireNonNull(item, "item");
            base = Objects.requireNonNull(base, "base").map(b -> euros(b, "base of " + item));
            Objects.requireNonNull(rate, "rate");
            if (base.isPresent() != rate.isPresent()) {
                throw new IllegalArgumentException("a contribution has both a base and a rate, or neither: " + item);
            }
            amount = signedEuros(amount, "contribution " + item);
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * The IRPF withholding (II.2).
     *
     * @param base
     *            the pay subject to withholding this month (4. Base sujeta a retención del IRPF)
     * @param rate
     *            the withholding rate in percent, two decimals (RIRPF art. 86.1)
     * @param amount
     *            the amount withheld
     * @param source
     *            the rule it comes from
     */
    public record Withholding(BigDecimal base, BigDecimal rate, BigDecimal amount, Source source) {
        public Withholding {
            base = signedEuros(base, "IRPF base");
            Objects.requireNonNull(rate, "rate");
            amount = euros(amount, "IRPF");
            Objects.requireNonNull(source, "source");
        }
    }

    /** One of the other deductions (II.5), with its concept. */
    public record Deduction(String concept, BigDecimal amount) {
        public Deduction {
            requireText(concept, "deduction concept");
            amount = euros(amount, "deduction " + concept);
        }
    }

    /**
     * The bases block's amounts that are not a contribution line.
     *
     * @param monthlyPay
     *            1. Importe remuneración mensual: the month's pay subject to contribution, without the extra payments'
     *            share and without overtime
     * @param proratedExtras
     *            1. Importe prorrata pagas extraordinarias: the month's share of the extra payments (LGSS art. 147.1)
     * @param common
     *            1. Total: the common-contingencies base, after the group's minimum and maximum (so it may differ from
     *            the sum of the two lines above)
     * @param professional
     *            2. the base of professional contingencies (AT y EP) and the jointly collected concepts (unemployment,
     *            vocational training, FOGASA), after its floor and ceiling
     * @param overtime
     *            3. the base of the additional contribution for overtime: the overtime pay
     */
    public record Bases(BigDecimal monthlyPay, BigDecimal proratedExtras, BigDecimal common, BigDecimal professional,
            BigDecimal overtime) {
        public Bases {
            monthlyPay = signedEuros(monthlyPay, "monthly pay");
            proratedExtras = signedEuros(proratedExtras, "prorated extras");
            common = signedEuros(common, "common base");
            professional = signedEuros(professional, "professional base");
            overtime = signedEuros(overtime, "overtime base");
        }
    }

    public Payslip {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(period, "period");
        earnings = List.copyOf(earnings);
        employeeContributions = inModelOrder(employeeContributions);
        for (Contribution contribution : employeeContributions) {
            if (contribution.item().employerOnly()) {
                throw new IllegalArgumentException("the worker does not pay " + contribution.item());
            }
        }
        Objects.requireNonNull(withholding, "withholding");
        advances = euros(advances, "advances");
        inKindValue = euros(inKindValue, "value in kind");
        otherDeductions = List.copyOf(otherDeductions);
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(bases, "bases");
        employerContributions = inModelOrder(employerContributions);
    }

    /** The earnings of one of the model's lines, in the order given. */
    public List<Earning> earnings(EarningKind kind) {
        return earnings.stream().filter(e -> e.kind() == kind).toList();
    }

    /** 1. Percepciones salariales, summed. */
    public BigDecimal totalSalary() {
        return sum(earnings.stream().filter(e -> e.kind().salary()).map(Earning::amount));
    }

    /** 2. Percepciones no salariales, summed. */
    public BigDecimal totalNonSalary() {
        return sum(earnings.stream().filter(e -> !e.kind().salary()).map(Earning::amount));
    }

    /** A. Total devengado. */
    public BigDecimal totalEarned() {
        return totalSalary().add(totalNonSalary());
    }

    /** II.1 summed: the worker's total contribution (total aportaciones). */
    public BigDecimal totalEmployeeContributions() {
        return sum(employeeContributions.stream().map(Contribution::amount));
    }

    /** B. Total a deducir: II.1 to II.5. */
    public BigDecimal totalDeducted() {
        return totalEmployeeContributions().add(withholding.amount()).add(advances).add(inKindValue)
                .add(sum(otherDeductions.stream().map(Deduction::amount)));
    }

    /** Líquido total a percibir (A - B). */
    public BigDecimal net() {
        return totalEarned().subtract(totalDeducted());
    }

    /** The employer's total contribution. */
    public BigDecimal totalEmployerContributions() {
        return sum(employerContributions.stream().map(Contribution::amount));
    }

    private static List<Contribution> inModelOrder(List<Contribution> contributions) {
        return contributions.stream().sorted(Comparator.comparing(Contribution::item)).toList();
    }

    private static BigDecimal sum(Stream<BigDecimal> amounts) {
        return amounts.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static BigDecimal euros(BigDecimal amount, String what) {
        if (signedEuros(amount, what).signum() < 0) {
            throw new IllegalArgumentException("the " + what + " is not negative: " + amount);
        }
        return amount.setScale(2);
    }

    private static BigDecimal signedEuros(BigDecimal amount, String what) {
        Objects.requireNonNull(amount, what);
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("the " + what + " is euros and cents: " + amount);
        }
        return amount.setScale(2);
    }

    private static void requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the " + what + " is needed");
        }
    }
}
