package coop.intercoop.hub.payroll.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import coop.intercoop.hub.payroll.control.Contributions.ContractKind;
import coop.intercoop.hub.payroll.entity.ContractType;
import coop.intercoop.hub.payroll.entity.Employee;
import coop.intercoop.hub.payroll.entity.EmploymentContract;
import coop.intercoop.hub.payroll.entity.MonthRange;
import coop.intercoop.hub.payroll.entity.PayrollItem;
import coop.intercoop.hub.payroll.entity.Payslip.EarningKind;
import coop.intercoop.hub.payroll.entity.Perception;
import coop.intercoop.hub.payroll.entity.Relative;
import coop.intercoop.hub.payroll.entity.RunDataException;
import coop.intercoop.hub.payroll.entity.SalaryItem;
import coop.intercoop.hub.payroll.entity.SickLeaveRules;
import coop.intercoop.hub.payroll.entity.Source;

/**
 * Maps a persisted employee, the contract active in a month and the month's items ({@link PayrollItem}) to
 * {@link MonthlyPay.Input}: the modelo 145 data to the withholding's employee, the TGSS contract key to the kind that
 * sets the unemployment rate, the salary items to the month's items, and the month's items to its
 * {@link MonthlyPay.Period}: hours worked, overtime, variable pay, unpaid absences (the salary items' pay of those
 * days, deducted), sick leave, advances. Data the calculation cannot take is refused naming the employee and the field
 * to put right, never with a library's words.
 */
public final class RunInputs {

    private RunInputs() {
    }

    /** An improvement of the sick-leave benefit is left out of the contribution bases, taxed as earned income. */
    private static final String TOP_UP = "BOE-A-2015-11724 art. 147.2.d (improvements of the IT benefit granted by"
            + " the employer are not in the contribution base)";

    /** The month's pay of the days of unpaid absence is not owed (ET art. 45.2), a salary item's over 30 a day. */
    private static final String ABSENCE = "BOE-A-2015-11430 art. 45.2 (suspension: no pay for its days):"
            + " the item's monthly amount x days / 30";

    /**
     * An employee's input, the payslip heading of each item's concept, and the key L subkey of each concept not subject
     * to withholding (modelo 190).
     */
    public record Mapped(MonthlyPay.Input input, Map<String, EarningKind> headings,
            Map<String, Integer> exemptSubkeys) {

        /**
         * The payslip heading of an earning line's concept (Orden ESS/2098/2014): the contract's and the month's items
         * by their kind, overtime as such, the sick-leave benefit among the Social Security's benefits.
         */
        public Optional<EarningKind> heading(String concept) {
            EarningKind heading = headings.get(concept);
            return heading != null ? Optional.of(heading) : MonthlyPay.heading(concept);
        }
    }

    /**
     * @param soFar
     *            the year so far before this month (RIRPF art. 87.3), from the employee's approved runs
     * @param monthItems
     *            the employee's items of the month
     *
     * @throws RunDataException
     *             naming the employee and the field when their data cannot be calculated
     */
    public static Mapped of(Employee employee, EmploymentContract contract, Map<String, ContractType> types,
            YearMonth month, MonthlyPay.SoFar soFar, List<PayrollItem> monthItems) {
        return of(employee, contract, types, month, soFar, monthItems, Map.of());
    }

    /**
     * @param overtimePay
     *            the employee's overtime pay by month, which a sick leave's AT/EP base takes from the year before it
     *            (order art. 6.3): at least the twelve months before the leave's first day
     */
    public static Mapped of(Employee employee, EmploymentContract contract, Map<String, ContractType> types,
            YearMonth month, MonthlyPay.SoFar soFar, List<PayrollItem> monthItems,
            Map<YearMonth, BigDecimal> overtimePay) {
        String who = name(employee);
        LocalDate day = month.atEndOfMonth();
        ContractType type = types.get(contract.getContractType());
        if (type == null) {
            throw new RunDataException("contractType", "run.contract.type", who, contract.getContractType());
        }
        Optional<BigDecimal> partTime = Optional.ofNullable(contract.getPartTimeCoefficient())
                .filter(coefficient -> coefficient.compareTo(BigDecimal.ONE) < 0);
        // the hours worked set a part-time month's minimum base (order arts. 38 and 39): a part-time month has them,
        // and only a part-time month
        Optional<BigDecimal> hoursWorked = monthItems.stream().filter(i -> i.getKind() == PayrollItem.Kind.HOURS_WORKED)
                .map(PayrollItem::getHours).findFirst();
        if (partTime.isPresent() && hoursWorked.isEmpty()) {
            throw new RunDataException("partTimeCoefficient", "run.partTime.hours", who);
        }
        if (partTime.isEmpty() && hoursWorked.isPresent()) {
            throw new RunDataException("hours", "run.hours.fullTime", who);
        }
        Map<String, EarningKind> headings = new java.util.HashMap<>();
        List<MonthlyPay.Item> items = new ArrayList<>();
        String contractSource = "contract " + contract.getId() + " of employee " + employee.getId();
        Map<String, Integer> exemptSubkeys = new java.util.HashMap<>();
        List<MonthlyPay.ExtraPayment> extras = new ArrayList<>();
        List<SalaryItem> inForce = new ArrayList<>();
        // every item goes to the calculation, whose forecast counts each later month with the items that apply then;
        // the month's own are checked here
        for (SalaryItem item : contract.getSalaryItems()) {
            MonthRange months = item.getMonths();
            if (months.covers(month)) {
                if (headings.put(item.getName(), heading(item.getKind())) != null) {
                    throw new RunDataException("salaryItems", "run.item.repeated", who, item.getName());
                }
                exempt(item.getName(), item.isTaxed(), item.getExemptSubkey(), exemptSubkeys, "salaryItems", who);
                inForce.add(item);
            }
            Source source = new Source(
                    months.equals(MonthRange.ALWAYS) ? contractSource : contractSource + ", months " + months,
                    Source.Status.VERIFIED);
            if (item.getPaidIn().isEmpty()) {
                items.add(new MonthlyPay.Item(item.getName(), item.getMonthlyAmount(),
                        item.getKind() != SalaryItem.Kind.OTHER, item.isContributes(), item.isTaxed(), source, months));
            } else {
                extras.add(new MonthlyPay.ExtraPayment(item.getName(), item.getMonthlyAmount(), item.getPaidIn(), false,
                        item.isContributes(), item.isTaxed(), source, months));
            }
        }
        if (inForce.isEmpty()) {
            throw new RunDataException("salaryItems", "run.items.none", who, month.toString());
        }
        Withholding.Employee person;
        try {
            person = new Withholding.Employee(employee.getFamilySituation(), employee.getBirthDate().getYear(),
                    new Withholding.Disability(employee.getDisabilityDegree(), employee.isDisabilityAssistance()),
                    employee.getRelatives().stream().filter(r -> r.getKind() == Relative.Kind.DESCENDANT)
                            .map(r -> new Withholding.Descendant(r.getBirthYear(),
                                    new Withholding.Disability(r.getDisabilityDegree(), r.isDisabilityAssistance()),
                                    !r.isByHalves()))
                            .toList(),
                    employee.getRelatives().stream().filter(r -> r.getKind() == Relative.Kind.ASCENDANT)
                            .map(r -> new Withholding.Ascendant(r.getBirthYear(),
                                    new Withholding.Disability(r.getDisabilityDegree(), r.isDisabilityAssistance()),
                                    1 + r.getSharedWith()))
                            .toList(),
                    employee.getMobilityDate() != null && employee.getMobilityDate().getYear() >= month.getYear() - 1,
                    employee.isHomeLoanBefore2013());
        } catch (IllegalArgumentException e) {
            // the one rule the record has that the employee's own checks leave: situation 1 needs descendants
            throw new RunDataException("familySituation", "run.employee.situation", who);
        }
        MonthlyPay.Contract terms = new MonthlyPay.Contract(contract.getStartDate(),
                Optional.ofNullable(contract.getEndDate()), kind(type),
                employee.inSpecialRelationshipOn(day) ? Withholding.Relationship.SPECIAL_DISABILITY
                        : Withholding.Relationship.COMMON,
                contract.getContributionGroup(), employee.hasDisabilityOn(day),
                Optional.ofNullable(contract.getActivityCode()), Optional.ofNullable(contract.getOccupationLetter()),
                partTime, items, extras);
        return new Mapped(new MonthlyPay.Input(person, terms,
                period(month, terms, hoursWorked, monthItems, headings, inForce, exemptSubkeys, who, overtimePay),
                soFar), headings, exemptSubkeys);
    }

    /**
     * Records the key L subkey of a concept not subject to withholding. Items written before subkeys were asked have
     * none: the run refuses them, naming the item, rather than leave their pay out of modelo 190.
     */
    private static void exempt(String concept, boolean taxed, Optional<Integer> subkey,
            Map<String, Integer> exemptSubkeys, String field, String who) {
        if (Perception.exemptSubkeyRefusal(taxed, subkey.orElse(null)).isPresent()) {
            throw new RunDataException(field, "run.item.exemptSubkey", who, concept);
        }
        subkey.ifPresent(key -> exemptSubkeys.put(concept, key));
    }

    /**
     * The month's items as the month's period; each earning's concept given its payslip heading. The unpaid days of all
     * the month's absences deduct, from each salary item that applies in the month (its part-time share), its monthly
     * amount times the days over 30 (the month of a monthly-paid worker counts 30 days, order art. 6.2 segunda), to
     * cents half-up.
     */
    private static MonthlyPay.Period period(YearMonth month, MonthlyPay.Contract terms,
            Optional<BigDecimal> hoursWorked, List<PayrollItem> monthItems, Map<String, EarningKind> headings,
            List<SalaryItem> salaryItems, Map<String, Integer> exemptSubkeys, String who,
            Map<YearMonth, BigDecimal> overtimePay) {
        List<MonthlyPay.Overtime> overtime = new ArrayList<>();
        List<MonthlyPay.Variable> variables = new ArrayList<>();
        List<MonthlyPay.Deduction> deductions = new ArrayList<>();
        Optional<MonthlyPay.SickLeave> sickLeave = Optional.empty();
        int absent = 0;
        for (PayrollItem item : monthItems) {
            Source source = new Source(
                    "payroll item " + item.getId() + " (" + item.getKind().code() + ", " + item.getMonth() + ")",
                    Source.Status.VERIFIED);
            switch (item.getKind()) {
                case HOURS_WORKED -> {
                    // the period's hours worked, read above
                }
                case OVERTIME -> overtime.add(new MonthlyPay.Overtime(
                        item.isForceMajeure() ? MonthlyPay.OvertimeKind.FORCE_MAJEURE : MonthlyPay.OvertimeKind.OTHER,
                        item.getHours(), item.getAmount()));
                case VARIABLE -> {
                    headings.putIfAbsent(item.getConcept(),
                            item.isSalary() ? EarningKind.SALARY_COMPLEMENT : EarningKind.OTHER_NON_SALARY);
                    exempt(item.getConcept(), item.isTaxed(), item.getExemptSubkey(), exemptSubkeys, "items", who);
                    variables.add(new MonthlyPay.Variable(item.getConcept(), item.getAmount(), item.isSalary(),
                            item.isContributes(), item.isTaxed(), source));
                }
                case ABSENCE -> absent += item.getDays();
                case SICK_LEAVE -> {
                    YearMonth start = YearMonth.from(item.getFirstDay());
                    BigDecimal year = BigDecimal.ZERO;
                    for (YearMonth m = start.minusMonths(12); m.isBefore(start); m = m.plusMonths(1)) {
                        year = year.add(overtimePay.getOrDefault(m, BigDecimal.ZERO));
                    }
                    sickLeave = Optional.of(new MonthlyPay.SickLeave(item.getFirstDay(),
                            Optional.ofNullable(item.getLastDay()), item.getPreviousBase(), item.getPreviousDays(),
                            item.isOccupational() ? SickLeaveRules.Contingency.OCCUPATIONAL
                                    : SickLeaveRules.Contingency.COMMON,
                            overtimePay.getOrDefault(start.minusMonths(1), BigDecimal.ZERO).setScale(2),
                            year.setScale(2)));
                }
                case ADVANCE -> deductions.add(new MonthlyPay.Deduction(item.getConcept(), item.getAmount(), source));
                case LEAVE_TOP_UP -> {
                    if (monthItems.stream().noneMatch(i -> i.getKind() == PayrollItem.Kind.SICK_LEAVE)) {
                        throw new RunDataException("items", "run.topUp.leave", who, item.getConcept(),
                                month.toString());
                    }
                    headings.putIfAbsent(item.getConcept(), EarningKind.OTHER_NON_SALARY);
                    variables.add(new MonthlyPay.Variable(item.getConcept(), item.getAmount(), false, false, true,
                            new Source(source.citation() + "; " + TOP_UP, Source.Status.VERIFIED)));
                }
            }
        }
        if (absent > 0) {
            BigDecimal days = BigDecimal.valueOf(absent);
            for (SalaryItem salaryItem : salaryItems) {
                if (salaryItem.getKind() == SalaryItem.Kind.OTHER || !salaryItem.getPaidIn().isEmpty()) {
                    continue;
                }
                BigDecimal monthly = terms.scaled(salaryItem.getMonthlyAmount());
                BigDecimal amount = monthly.multiply(days).divide(BigDecimal.valueOf(30), 2, RoundingMode.HALF_UP);
                if (amount.signum() == 0) {
                    continue;
                }
                String concept = "absence-" + salaryItem.getName();
                headings.putIfAbsent(concept, heading(salaryItem.getKind()));
                salaryItem.getExemptSubkey().ifPresent(key -> exemptSubkeys.put(concept, key));
                variables.add(new MonthlyPay.Variable(concept, amount.negate(), true, salaryItem.isContributes(),
                        salaryItem.isTaxed(),
                        new Source(ABSENCE + ", " + monthly + " x " + absent + " / 30", Source.Status.DERIVED)));
            }
        }
        return new MonthlyPay.Period(month, hoursWorked, overtime, variables, sickLeave, deductions,
                Math.min(absent, month.lengthOfMonth()));
    }

    /** The employee as a refusal names them: surnames and name. */
    public static String name(Employee employee) {
        return employee.getFirstName() + " " + employee.getLastName()
                + (employee.getSecondLastName() == null ? "" : " " + employee.getSecondLastName());
    }

    /**
     * The contract key's kind: the keys of substitution (410, 510), relief (441, 541) and practice (420, 520) by name
     * in the TGSS table ({@code contract-types.csv}); the rest by their duration.
     */
    static ContractKind kind(ContractType type) {
        return switch (type.code()) {
            case "410", "510" -> ContractKind.SUBSTITUTION;
            case "441", "541" -> ContractKind.RELIEF;
            case "420", "520" -> ContractKind.PRACTICE;
            default -> type.duration() == ContractType.Duration.OPEN_ENDED ? ContractKind.OPEN_ENDED
                    : ContractKind.FIXED_TERM;
        };
    }

    private static EarningKind heading(SalaryItem.Kind kind) {
        return switch (kind) {
            case BASE -> EarningKind.BASE_SALARY;
            case COMPLEMENT -> EarningKind.SALARY_COMPLEMENT;
            case EXTRA_PAYMENT -> EarningKind.EXTRA_PAYMENT;
            case OTHER -> EarningKind.OTHER_NON_SALARY;
        };
    }
}
