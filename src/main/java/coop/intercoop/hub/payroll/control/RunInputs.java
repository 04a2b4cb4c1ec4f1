package coop.intercoop.hub.payroll.control;

import java.math.BigDecimal;
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
import coop.intercoop.hub.payroll.entity.Payslip.EarningKind;
import coop.intercoop.hub.payroll.entity.Relative;
import coop.intercoop.hub.payroll.entity.RunDataException;
import coop.intercoop.hub.payroll.entity.SalaryItem;
import coop.intercoop.hub.payroll.entity.Source;

/**
 * Maps a persisted employee and the contract active in a month to {@link MonthlyPay.Input}: the modelo 145 data to the
 * withholding's employee, the TGSS contract key to the kind that sets the unemployment rate, the salary items to the
 * month's items. Data the calculation cannot take is refused naming the employee and the field to put right, never with
 * a library's words.
 */
public final class RunInputs {

    private RunInputs() {
    }

    /** An employee's input and the payslip heading of each item's concept. */
    public record Mapped(MonthlyPay.Input input, Map<String, EarningKind> headings) {
    }

    /**
     * @param soFar
     *            the year so far before this month (RIRPF art. 87.3), from the employee's approved runs
     *
     * @throws RunDataException
     *             naming the employee and the field when their data cannot be calculated
     */
    public static Mapped of(Employee employee, EmploymentContract contract, Map<String, ContractType> types,
            YearMonth month, MonthlyPay.SoFar soFar) {
        String who = name(employee);
        LocalDate day = month.atEndOfMonth();
        ContractType type = types.get(contract.getContractType());
        if (type == null) {
            throw new RunDataException("contractType", "run.contract.type", who, contract.getContractType());
        }
        Optional<BigDecimal> partTime = Optional.ofNullable(contract.getPartTimeCoefficient())
                .filter(coefficient -> coefficient.compareTo(BigDecimal.ONE) < 0);
        if (partTime.isPresent()) {
            // the hours worked set a part-time month's minimum base (order arts. 38 and 39); nothing records them yet
            throw new RunDataException("partTimeCoefficient", "run.partTime.hours", who);
        }
        Map<String, EarningKind> headings = new java.util.HashMap<>();
        List<MonthlyPay.Item> items = new ArrayList<>();
        Source source = new Source("contract " + contract.getId() + " of employee " + employee.getId(),
                Source.Status.VERIFIED);
        for (SalaryItem item : contract.getSalaryItems()) {
            boolean salary = item.getKind() != SalaryItem.Kind.OTHER;
            if (headings.put(item.getName(), heading(item.getKind())) != null) {
                throw new RunDataException("salaryItems", "run.item.repeated", who, item.getName());
            }
            items.add(new MonthlyPay.Item(item.getName(), item.getMonthlyAmount(), salary, item.isContributes(),
                    item.isTaxed(), source));
        }
        if (items.isEmpty()) {
            throw new RunDataException("salaryItems", "run.items.none", who);
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
                partTime, items, List.of());
        return new Mapped(new MonthlyPay.Input(person, terms, MonthlyPay.Period.ordinary(month), soFar), headings);
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
