package coop.intercoop.hub.payroll.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.control.Contributions.ContractKind;
import coop.intercoop.hub.payroll.entity.ContractData;
import coop.intercoop.hub.payroll.entity.ContractType;
import coop.intercoop.hub.payroll.entity.Employee;
import coop.intercoop.hub.payroll.entity.EmployeeData;
import coop.intercoop.hub.payroll.entity.EmployeeExample;
import coop.intercoop.hub.payroll.entity.EmploymentContract;
import coop.intercoop.hub.payroll.entity.PayrollItem;
import coop.intercoop.hub.payroll.entity.PayrollItemData;
import coop.intercoop.hub.payroll.entity.Payslip.EarningKind;
import coop.intercoop.hub.payroll.entity.RunDataException;
import coop.intercoop.hub.payroll.entity.SalaryItem;

/**
 * A persisted employee and contract as a run maps them to one employee's month, on the installed tables of
 * {@code config/payroll}: Orden PJC/297/2026 (BOE-A-2026-7296) for the contributions.
 */
class RunInputsTest {

    private static final Map<String, ContractType> TYPES = new PayrollTables("config/payroll").contractTypes();
    private static final PayrollTables TABLES = new PayrollTables("config/payroll");
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final LocalDate BORN = LocalDate.of(1990, 5, 17);

    private static Employee employee() {
        EmployeeData d = EmployeeExample.ana();
        d.birthDate = BORN;
        return new Employee(d, LocalDate.of(2026, 3, 1));
    }

    private static ContractData.SalaryItemData item(String name, String amount, SalaryItem.Kind kind) {
        ContractData.SalaryItemData item = new ContractData.SalaryItemData();
        item.name = name;
        item.monthlyAmount = new BigDecimal(amount);
        item.kind = kind;
        return item;
    }

    private static EmploymentContract contract(String type, BigDecimal partTime,
            List<ContractData.SalaryItemData> items) {
        ContractData d = new ContractData();
        d.startDate = LocalDate.of(2020, 1, 1);
        d.contractType = type;
        d.partTimeCoefficient = partTime;
        d.contributionGroup = 5;
        d.activityCode = "88";
        d.professionalCategory = "Educadora social";
        d.workCentreId = 7L;
        d.salaryItems = items;
        return new EmploymentContract(1, d, Optional.ofNullable(TYPES.get(type)), BORN);
    }

    @Test
    void anOpenEndedGroup5ContractOn2000GivesTheIssuesFirstExample() {
        // issue 19's first example; order art. 4.a (23,60 + 4,70 %), MEI 0,75 + 0,15 %, unemployment 5,50 + 1,55 %
        RunInputs.Mapped mapped = RunInputs.of(employee(),
                contract("100", null,
                        List.of(item("Salario base", "1500.00", SalaryItem.Kind.BASE),
                                item("Complemento de puesto", "500.00", SalaryItem.Kind.COMPLEMENT))),
                TYPES, MARCH, MonthlyPay.SoFar.NONE, List.of());
        MonthlyPay.Result result = MonthlyPay.of(MonthlyPay.Rules.of(TABLES, MARCH), mapped.input());
        assertEquals(new BigDecimal("2000.00"), result.gross());
        assertEquals(new BigDecimal("472.00"),
                result.line(MonthlyPay.Kind.EMPLOYER_CONTRIBUTION, "common").orElseThrow().amount());
        assertEquals(new BigDecimal("110.00"),
                result.line(MonthlyPay.Kind.EMPLOYER_CONTRIBUTION, "unemployment-open-ended").orElseThrow().amount());
        assertEquals(new BigDecimal("130.00"), result.contributions().employee());
        assertEquals(EarningKind.BASE_SALARY, mapped.headings().get("Salario base"));
        assertEquals(EarningKind.SALARY_COMPLEMENT, mapped.headings().get("Complemento de puesto"));
    }

    @Test
    void theContractKeySetsTheKindOfContract() {
        // contract-types.csv: the TGSS keys; substitution, relief and practice by name, the rest by their duration
        assertEquals(ContractKind.OPEN_ENDED, RunInputs.kind(TYPES.get("100")));
        assertEquals(ContractKind.OPEN_ENDED, RunInputs.kind(TYPES.get("300")));
        assertEquals(ContractKind.FIXED_TERM, RunInputs.kind(TYPES.get("402")));
        assertEquals(ContractKind.SUBSTITUTION, RunInputs.kind(TYPES.get("510")));
        assertEquals(ContractKind.RELIEF, RunInputs.kind(TYPES.get("441")));
        assertEquals(ContractKind.PRACTICE, RunInputs.kind(TYPES.get("420")));
    }

    @Test
    void aPartTimeContractWithoutItsHoursWorkedIsRefusedNamingTheEmployeeAndTheField() {
        RunDataException refused = assertThrows(RunDataException.class,
                () -> RunInputs.of(employee(),
                        contract("200", new BigDecimal("0.5"),
                                List.of(item("Salario base", "1500.00", SalaryItem.Kind.BASE))),
                        TYPES, MARCH, MonthlyPay.SoFar.NONE, List.of(advance("Anticipo", "100.00"))));
        assertEquals("partTimeCoefficient", refused.field());
        assertEquals(
                "Ana García López: a part-time contract needs the hours worked in the month, recorded as the"
                        + " month's hours-worked item; the run cannot calculate it without them.",
                refused.message(Locale.ENGLISH));
    }

    /** A month's item of the employee, as the API or the import records it. */
    private static PayrollItem monthItem(PayrollItem.Kind kind, java.util.function.Consumer<PayrollItemData> fill) {
        PayrollItemData data = new PayrollItemData();
        data.month = MARCH.toString();
        data.kind = kind.code();
        fill.accept(data);
        return new PayrollItem(1, data, 1, Instant.parse("2026-03-31T10:00:00Z"));
    }

    private static PayrollItem hours(String hours) {
        return monthItem(PayrollItem.Kind.HOURS_WORKED, d -> d.hours = new BigDecimal(hours));
    }

    private static PayrollItem advance(String concept, String amount) {
        return monthItem(PayrollItem.Kind.ADVANCE, d -> {
            d.concept = concept;
            d.amount = new BigDecimal(amount);
        });
    }

    private static MonthlyPay.Result month(EmploymentContract contract, PayrollItem... items) {
        RunInputs.Mapped mapped = RunInputs.of(employee(), contract, TYPES, MARCH, MonthlyPay.SoFar.NONE,
                List.of(items));
        return MonthlyPay.of(MonthlyPay.Rules.of(TABLES, MARCH), mapped.input());
    }

    private static EmploymentContract fullTime() {
        return contract("100", null, List.of(item("Salario base", "1500.00", SalaryItem.Kind.BASE),
                item("Complemento de puesto", "500.00", SalaryItem.Kind.COMPLEMENT)));
    }

    private static BigDecimal amount(MonthlyPay.Result result, MonthlyPay.Kind kind, String concept) {
        return result.line(kind, concept).orElseThrow(() -> new AssertionError("no " + kind + " " + concept)).amount();
    }

    @Test
    void aPartTimeContractRunsWithItsHoursWorkedWhichSetItsMinimumBase() {
        // ET art. 12.4.d: the full-time 1.600,00 in proportion to 0,5 is 800,00. Order PJC/297/2026 (BOE-A-2026-7296)
        // art. 39.1: group 5's minimum is 8,58 an hour worked, so 86 hours (737,88) leave the base at the pay and 100
        // hours (858,00) raise it
        EmploymentContract halfTime = contract("200", new BigDecimal("0.5"),
                List.of(item("Salario base", "1600.00", SalaryItem.Kind.BASE)));
        MonthlyPay.Result few = month(halfTime, hours("86"));
        assertEquals(new BigDecimal("800.00"), amount(few, MonthlyPay.Kind.SALARY, "Salario base"));
        assertEquals(new BigDecimal("800.00"), few.contributions().common().amount());
        MonthlyPay.Result many = month(halfTime, hours("100.00"));
        assertEquals(new BigDecimal("800.00"), many.gross());
        assertEquals(new BigDecimal("858.00"), many.contributions().common().amount());
        assertEquals(new BigDecimal("202.49"), amount(many, MonthlyPay.Kind.EMPLOYER_CONTRIBUTION, "common"),
                "23,60 % of 858,00");
    }

    @Test
    void overtimeIsALineOfItsHoursInTheAtEpBaseAndItsAdditionalContribution() {
        // LGSS arts. 147.2 and 149; order art. 5: overtime other than force majeure 23,60 + 4,70 %; order art. 1.2:
        // the AT/EP base is the common base plus overtime (2.000,00 + 80,00); CNAE 88, Cuadro I: 0,80 + 0,70 %
        MonthlyPay.Result result = month(fullTime(), monthItem(PayrollItem.Kind.OVERTIME, d -> {
            d.hours = new BigDecimal("4");
            d.amount = new BigDecimal("80");
        }));
        MonthlyPay.Line overtime = result.line(MonthlyPay.Kind.SALARY, "overtime-other").orElseThrow();
        assertEquals(new BigDecimal("80.00"), overtime.amount());
        assertEquals(Optional.of(new BigDecimal("4.00")), overtime.units());
        assertEquals(new BigDecimal("2080.00"), result.gross());
        assertEquals(new BigDecimal("2000.00"), result.contributions().common().amount());
        assertEquals(new BigDecimal("2080.00"), result.contributions().professional().amount());
        assertEquals(new BigDecimal("18.88"), amount(result, MonthlyPay.Kind.EMPLOYER_CONTRIBUTION, "overtime-other"));
        assertEquals(new BigDecimal("3.76"), amount(result, MonthlyPay.Kind.DEDUCTION, "overtime-other"));
        MonthlyPay.Result forceMajeure = month(fullTime(), monthItem(PayrollItem.Kind.OVERTIME, d -> {
            d.hours = new BigDecimal("4");
            d.amount = new BigDecimal("80");
            d.forceMajeure = true;
        }));
        // order art. 5: force majeure 12,00 + 2,00 %
        assertEquals(new BigDecimal("9.60"),
                amount(forceMajeure, MonthlyPay.Kind.EMPLOYER_CONTRIBUTION, "overtime-force-majeure"));
    }

    @Test
    void aSickLeaveUnderDelegatedPaymentPaysItsBandsAndRecoversTheDelegatedDays() {
        // a leave from 11 March, open: ten days of salary (2.000,00 x 10 / 30 = 666,67); the daily regulatory base
        // 2.000,00 / 30 = 66,67 (order art. 6.2 segunda); days 4 to 15 (14-25 March, 12) at 60 % at the employer's
        // charge (LGSS art. 173.1) 480,02; days 16 to 20 (26-30 March, 5) at 60 % delegated 200,01; day 21 (31 March)
        // at 75 % delegated (Decreto 3158/1966 art. 2.1) 50,00; the delegated days recovered (LGSS art. 170.2)
        MonthlyPay.Result result = month(fullTime(), monthItem(PayrollItem.Kind.SICK_LEAVE, d -> {
            d.firstDay = LocalDate.of(2026, 3, 11);
            d.previousBase = new BigDecimal("2000.00");
            d.previousDays = 30;
        }));
        assertEquals(new BigDecimal("500.00"), amount(result, MonthlyPay.Kind.SALARY, "Salario base"));
        assertEquals(new BigDecimal("166.67"), amount(result, MonthlyPay.Kind.SALARY, "Complemento de puesto"));
        assertEquals(new BigDecimal("480.02"), amount(result, MonthlyPay.Kind.NON_SALARY, "sick-leave-employer-4-15"));
        assertEquals(new BigDecimal("200.01"),
                amount(result, MonthlyPay.Kind.NON_SALARY, "sick-leave-delegated-16-20"));
        assertEquals(new BigDecimal("50.00"), amount(result, MonthlyPay.Kind.NON_SALARY, "sick-leave-delegated-21-"));
        assertEquals(new BigDecimal("250.01"), result.recovered());
        // order art. 6.2: 10 days of pay and 20 of leave at the previous base over 30 make the month's base 2.000,00
        assertEquals(new BigDecimal("2000.00"), result.contributions().common().amount());
        RunInputs.Mapped mapped = RunInputs.of(employee(), fullTime(), TYPES, MARCH, MonthlyPay.SoFar.NONE, List.of());
        assertEquals(Optional.of(EarningKind.SOCIAL_SECURITY_BENEFIT), mapped.heading("sick-leave-delegated-16-20"));
        assertEquals(Optional.of(EarningKind.OVERTIME), mapped.heading("overtime-other"));

        // the overtime of the twelve months before the leave (March 2025 to February 2026) and of February, which the
        // leave's AT/EP and common bases take (order art. 6.3); February 2025 is before the year and left out
        MonthlyPay.SickLeave leave = RunInputs.of(employee(), fullTime(), TYPES, MARCH, MonthlyPay.SoFar.NONE,
                List.of(monthItem(PayrollItem.Kind.SICK_LEAVE, d -> {
                    d.firstDay = LocalDate.of(2026, 3, 11);
                    d.previousBase = new BigDecimal("2000.00");
                    d.previousDays = 30;
                })),
                Map.of(YearMonth.of(2025, 2), new BigDecimal("999.00"), YearMonth.of(2025, 3),
                        new BigDecimal("1050.00"), YearMonth.of(2026, 2), new BigDecimal("150.00")))
                .input().period().sickLeave().orElseThrow();
        assertEquals(new BigDecimal("150.00"), leave.previousOvertime());
        assertEquals(new BigDecimal("1200.00"), leave.yearOvertime());
    }

    @Test
    void anAdvanceIsDeductedFromTheNetPayAndABonusIsPaidAsRecorded() {
        MonthlyPay.Result without = month(fullTime());
        MonthlyPay.Result with = month(fullTime(), advance("Anticipo de marzo", "300.00"));
        MonthlyPay.Line advance = with.line(MonthlyPay.Kind.DEDUCTION, "Anticipo de marzo").orElseThrow();
        assertEquals(new BigDecimal("300.00"), advance.amount());
        assertEquals(without.net().subtract(new BigDecimal("300.00")), with.net());
        assertEquals(without.contributions().employee(), with.contributions().employee());

        // a bonus outside the bases (contributes false) and taxed: in the pay and the IRPF base only
        RunInputs.Mapped mapped = RunInputs.of(employee(), fullTime(), TYPES, MARCH, MonthlyPay.SoFar.NONE,
                List.of(monthItem(PayrollItem.Kind.VARIABLE, d -> {
                    d.concept = "Plus de productividad";
                    d.amount = new BigDecimal("150.00");
                    d.contributes = false;
                })));
        MonthlyPay.Result bonus = MonthlyPay.of(MonthlyPay.Rules.of(TABLES, MARCH), mapped.input());
        assertEquals(new BigDecimal("150.00"), amount(bonus, MonthlyPay.Kind.SALARY, "Plus de productividad"));
        assertEquals(new BigDecimal("2150.00"), bonus.taxable());
        assertEquals(new BigDecimal("2000.00"), bonus.contributions().common().amount());
        assertEquals(Optional.of(EarningKind.SALARY_COMPLEMENT), mapped.heading("Plus de productividad"));
    }

    /**
     * An agreement's improvement of the sick-leave benefit (mejora voluntaria de IT) is earned income, taxed, and left
     * out of the contribution bases (LGSS, BOE-A-2015-11724, art. 147.2.d); it is paid in a month with the leave.
     */
    @Test
    void aTopUpOfTheSickLeaveBenefitIsTaxedAndOutOfTheBases() {
        PayrollItem leave = monthItem(PayrollItem.Kind.SICK_LEAVE, d -> {
            d.firstDay = LocalDate.of(2026, 3, 11);
            d.previousBase = new BigDecimal("2000.00");
            d.previousDays = 30;
        });
        PayrollItem topUp = monthItem(PayrollItem.Kind.LEAVE_TOP_UP, d -> {
            d.concept = "Complemento IT convenio";
            d.amount = new BigDecimal("400.00");
        });
        MonthlyPay.Result without = month(fullTime(), leave);
        MonthlyPay.Result with = month(fullTime(), leave, topUp);
        assertEquals(new BigDecimal("400.00"), amount(with, MonthlyPay.Kind.NON_SALARY, "Complemento IT convenio"));
        assertEquals(without.contributions().common().amount(), with.contributions().common().amount());
        assertEquals(without.contributions().professional().amount(), with.contributions().professional().amount());
        assertEquals(without.taxable().add(new BigDecimal("400.00")), with.taxable());
        assertTrue(with.line(MonthlyPay.Kind.NON_SALARY, "Complemento IT convenio").orElseThrow().source().citation()
                .contains("BOE-A-2015-11724 art. 147.2.d"));

        RunDataException alone = assertThrows(RunDataException.class,
                () -> RunInputs.of(employee(), fullTime(), TYPES, MARCH, MonthlyPay.SoFar.NONE, List.of(topUp)));
        assertEquals("items", alone.field());
        assertEquals("run.topUp.leave", alone.key());
    }

    @Test
    void unpaidDaysOfAbsenceDeductEachSalaryItemsPayOfThoseDays() {
        // ET art. 45.2: no pay for the days; a 30-day month (order art. 6.2 segunda): 1.500,00 x 3 / 30 = 150,00 and
        // 500,00 x 3 / 30 = 50,00, across the month's two absences of 1 and 2 days
        MonthlyPay.Result result = month(fullTime(), monthItem(PayrollItem.Kind.ABSENCE, d -> d.days = 1),
                monthItem(PayrollItem.Kind.ABSENCE, d -> d.days = 2));
        assertEquals(new BigDecimal("-150.00"), amount(result, MonthlyPay.Kind.SALARY, "absence-Salario base"));
        assertEquals(new BigDecimal("-50.00"), amount(result, MonthlyPay.Kind.SALARY, "absence-Complemento de puesto"));
        assertEquals(new BigDecimal("1800.00"), result.gross());
        // the 3 days are in alta without pay, based at group 5's minimum for them (RD 2064/1995 art. 69.2, Orden
        // PJC/297/2026 art. 7.1): 1.800,00 for the 27 days paid and 1.424,40 x 3 / 30 = 142,44
        assertEquals(new BigDecimal("1942.44"), result.contributions().common().amount());
        assertEquals(new BigDecimal("1942.44"), result.contributions().professional().amount());
    }

    @Test
    void hoursWorkedOnAFullTimeContractAreRefusedNamingTheEmployeeAndTheField() {
        RunDataException refused = assertThrows(RunDataException.class,
                () -> RunInputs.of(employee(), fullTime(), TYPES, MARCH, MonthlyPay.SoFar.NONE, List.of(hours("160"))));
        assertEquals("hours", refused.field());
        assertEquals(
                "Ana García López: el mes tiene horas trabajadas registradas, pero el contrato es a tiempo"
                        + " completo; solo el mes de un contrato a tiempo parcial las lleva.",
                refused.message(Locale.forLanguageTag("es")));
    }

    @Test
    void aContractWithoutSalaryItemsIsRefusedNamingTheEmployee() {
        RunDataException refused = assertThrows(RunDataException.class, () -> RunInputs.of(employee(),
                contract("100", null, List.of()), TYPES, MARCH, MonthlyPay.SoFar.NONE, List.of()));
        assertEquals("salaryItems", refused.field());
        assertEquals("Ana García López: el contrato no tiene ningún concepto salarial que se aplique en 2026-03.",
                refused.message(Locale.forLanguageTag("es")));
    }

    private static ContractData.SalaryItemData item(String name, String amount, String from, String until) {
        ContractData.SalaryItemData item = item(name, amount, SalaryItem.Kind.BASE);
        item.from = from;
        item.until = until;
        return item;
    }

    /**
     * A raise from March and a plus that ended in February: March pays, cites and deducts absence from the items that
     * apply in it only; the months after the last item are refused, naming the month.
     */
    @Test
    void aMonthTakesTheItemsThatApplyInItAndCitesTheirMonths() {
        EmploymentContract contract = contract("100", null,
                List.of(item("Salario base", "1500.00", null, "2026-02"),
                        item("Salario base", "1600.00", "2026-03", null),
                        item("Plus de transporte", "100.00", null, "2026-02")));
        MonthlyPay.Result march = month(contract, monthItem(PayrollItem.Kind.ABSENCE, d -> d.days = 3));
        // 1.600,00 less 1.600,00 x 3 / 30 = 160,00 of absence; the plus no longer applies
        assertEquals(new BigDecimal("1440.00"), march.gross());
        MonthlyPay.Line base = march.line(MonthlyPay.Kind.SALARY, "Salario base").orElseThrow();
        assertEquals(new BigDecimal("1600.00"), base.amount());
        assertEquals("contract null of employee null, months 2026-03 – …", base.source().citation());
        assertEquals(new BigDecimal("-160.00"), amount(march, MonthlyPay.Kind.SALARY, "absence-Salario base"));
        assertTrue(march.line(MonthlyPay.Kind.SALARY, "Plus de transporte").isEmpty());
        assertTrue(march.line(MonthlyPay.Kind.SALARY, "absence-Plus de transporte").isEmpty());

        MonthlyPay.Result february = MonthlyPay.of(MonthlyPay.Rules.of(TABLES, MARCH.minusMonths(1)), RunInputs
                .of(employee(), contract, TYPES, MARCH.minusMonths(1), MonthlyPay.SoFar.NONE, List.of()).input());
        assertEquals(new BigDecimal("1600.00"), february.gross(), "1.500,00 and the plus of 100,00");

        EmploymentContract ended = contract("100", null, List.of(item("Salario base", "1500.00", null, "2026-02")));
        RunDataException refused = assertThrows(RunDataException.class,
                () -> RunInputs.of(employee(), ended, TYPES, MARCH, MonthlyPay.SoFar.NONE, List.of()));
        assertEquals("Ana García López: the contract has no salary item that applies in 2026-03.",
                refused.message(Locale.ENGLISH));
    }

    /**
     * Two extra payments of 1.500,00 paid whole in June and December (ET art. 31): March pays none, and its common base
     * carries their twelfth, 3.000,00 / 12 = 250,00 (Orden PJC/297/2026 art. 1.1 segunda: "la parte proporcional de las
     * pagas extraordinarias"); June pays one, under its heading, and its base is the same; unpaid days deduct from the
     * monthly items only.
     */
    @Test
    void anExtraPaymentPaidInItsMonthsIsPaidThereAndItsTwelfthIsInEveryMonthsBase() {
        ContractData.SalaryItemData extra = item("Paga extraordinaria", "1500.00", SalaryItem.Kind.EXTRA_PAYMENT);
        extra.paidIn = List.of(6, 12);
        EmploymentContract contract = contract("100", null,
                List.of(item("Salario base", "1500.00", SalaryItem.Kind.BASE), extra));
        MonthlyPay.Result march = month(contract, monthItem(PayrollItem.Kind.ABSENCE, d -> d.days = 3));
        assertEquals(new BigDecimal("1350.00"), march.gross(), "1.500,00 less 150,00 of absence, no extra");
        assertTrue(march.line(MonthlyPay.Kind.SALARY, "Paga extraordinaria").isEmpty());
        assertTrue(march.line(MonthlyPay.Kind.SALARY, "absence-Paga extraordinaria").isEmpty());
        assertEquals(new BigDecimal("225.00"), march.extrasTwelfth());
        // 1.350,00 paid and the extras' 250,00 for the 27 days worked, 225,00; the 3 unpaid days at
        // group 5's minimum, 1.424,40 x 3 / 30 = 142,44 (RD 2064/1995 art. 69.2)
        assertEquals(new BigDecimal("1717.44"), march.contributions().common().amount());

        YearMonth june = YearMonth.of(2026, 6);
        RunInputs.Mapped mapped = RunInputs.of(employee(), contract, TYPES, june, MonthlyPay.SoFar.NONE, List.of());
        MonthlyPay.Result paid = MonthlyPay.of(MonthlyPay.Rules.of(TABLES, june), mapped.input());
        assertEquals(new BigDecimal("1500.00"), amount(paid, MonthlyPay.Kind.SALARY, "Paga extraordinaria"));
        assertEquals(new BigDecimal("3000.00"), paid.gross());
        assertEquals(EarningKind.EXTRA_PAYMENT, mapped.headings().get("Paga extraordinaria"));
        assertEquals(new BigDecimal("1750.00"), paid.contributions().common().amount(), "1.500,00 + 250,00");
    }
}
