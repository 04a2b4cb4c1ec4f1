package coop.intercoop.hub.payroll.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.control.Contributions.ContractKind;
import coop.intercoop.hub.payroll.control.MonthlyPay.Arrears;
import coop.intercoop.hub.payroll.control.MonthlyPay.Contract;
import coop.intercoop.hub.payroll.control.MonthlyPay.Input;
import coop.intercoop.hub.payroll.control.MonthlyPay.Item;
import coop.intercoop.hub.payroll.control.MonthlyPay.Kind;
import coop.intercoop.hub.payroll.control.MonthlyPay.Line;
import coop.intercoop.hub.payroll.control.MonthlyPay.Paid;
import coop.intercoop.hub.payroll.control.MonthlyPay.Period;
import coop.intercoop.hub.payroll.control.MonthlyPay.Result;
import coop.intercoop.hub.payroll.control.MonthlyPay.Rules;
import coop.intercoop.hub.payroll.control.MonthlyPay.SoFar;
import coop.intercoop.hub.payroll.control.PayrollRuns.Accrual;
import coop.intercoop.hub.payroll.control.PayrollRuns.RunLine;
import coop.intercoop.hub.payroll.control.Withholding.Disability;
import coop.intercoop.hub.payroll.control.Withholding.Relationship;
import coop.intercoop.hub.payroll.entity.IrpfRules;
import coop.intercoop.hub.payroll.entity.Payslip.EarningKind;
import coop.intercoop.hub.payroll.entity.Source;

/**
 * A complementary run's pay for one employee: 2026's January and February paid before Real Decreto-ley 3/2026
 * (BOE-A-2026-2548) and Orden PJC/297/2026 (BOE-A-2026-7296) were published, on 2025's contribution tables (Orden
 * PJC/178/2025, BOE-A-2025-3780) and the agreement's 2025 salary 1.300,00; recalculated on the installed 2026 tables
 * (retroactive to 1 January) and the salary 1.350,00. Every figure worked by hand in the comments.
 */
class ComplementaryPayTest {

    private static final PayrollTables TABLES = new PayrollTables("config/payroll");
    private static final YearMonth JANUARY = YearMonth.of(2026, 1);
    private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
    private static final Source CONTRACT = new Source("contract of employment, clause 4", Source.Status.VERIFIED);
    private static final Withholding.Employee SINGLE = new Withholding.Employee(3, 1990, Disability.NONE, List.of(),
            List.of(), false, false);

    private static Contract salary(String monthly) {
        return new Contract(LocalDate.of(2020, 1, 1), Optional.empty(), ContractKind.OPEN_ENDED, Relationship.COMMON, 5,
                false, Optional.of("88"), Optional.empty(), Optional.empty(),
                List.of(new Item("base-salary", new BigDecimal(monthly), true, true, true, CONTRACT)), List.of());
    }

    private static Result paid(YearMonth month) {
        Rules now = Rules.of(TABLES, month);
        Rules then = new Rules(MonthlyPayTest.prolonged2025(now.contributions()), now.atep(), now.sickLeave(),
                now.irpf());
        return MonthlyPay.of(then, new Input(SINGLE, salary("1300.00"), Period.ordinary(month), SoFar.NONE));
    }

    private static Result due(YearMonth month) {
        return MonthlyPay.of(Rules.of(TABLES, month),
                new Input(SINGLE, salary("1350.00"), Period.ordinary(month), SoFar.NONE));
    }

    private static BigDecimal euros(String amount) {
        return new BigDecimal(amount);
    }

    private static RunLine line(ComplementaryPay.Pay pay, YearMonth month, Kind kind, String concept) {
        return pay.lines().stream()
                .filter(l -> l.accrued().equals(Optional.of(month)) && l.kind() == kind && l.concept().equals(concept))
                .findFirst().orElseThrow(() -> new AssertionError("no line " + concept + " of " + month));
    }

    @Test
    void twoMonthsRecalculatedUnderTheNewTablesPayTheirDifferencesWithBothSourcesAndWithholdAtTheMonthsRate() {
        List<Arrears> arrears = MonthlyPay.arrears(List.of(paid(JANUARY), paid(FEBRUARY)),
                List.of(due(JANUARY), due(FEBRUARY)));
        // paid in April at the April rate, 2,00 % here (RIRPF art. 82)
        ComplementaryPay.Pay pay = ComplementaryPay.of(arrears, euros("2.00"), Withholding.Reason.ARREARS.source(),
                Map.of("base-salary", EarningKind.BASE_SALARY), Map.of());

        // per month: salary 1.350 - 1.300 = 50,00; base 1.424,40 (order art. 3, groups 4-7) - 1.381,20 (Orden
        // PJC/178/2025 art. 3) = 43,20; employee 92,59 - 89,51 = 3,08; employer 457,95 - 442,95 = 15,00 (worked in
        // MonthlyPayTest); so two months: 100,00, 86,40, 6,16 and 30,00
        assertEquals(euros("100.00"), pay.grossPay());
        assertEquals(euros("100.00"), pay.taxable());
        assertEquals(euros("86.40"), pay.commonBase());
        assertEquals(euros("6.16"), pay.employeeContributions());
        assertEquals(euros("30.00"), pay.employerContributions());
        // 2,00 % of 100,00 = 2,00; net 100,00 - 6,16 - 2,00 = 91,84; cost 100,00 + 30,00
        assertEquals(euros("2.00"), pay.withheld());
        assertEquals(euros("91.84"), pay.net());
        assertEquals(euros("130.00"), pay.employerCost());
        RunLine irpf = pay.lines().stream().filter(l -> l.concept().equals("irpf")).findFirst().orElseThrow();
        assertEquals(Optional.of(euros("100.00")), irpf.base());
        assertEquals(Withholding.Reason.ARREARS.source(), irpf.source());
        assertTrue(irpf.accrued().isEmpty(), "withheld in the month paid, not earned");

        // the complementary contributions by month earned (order art. 1.1 primera)
        assertEquals(List.of(JANUARY, FEBRUARY), pay.accruals().stream().map(Accrual::month).toList());
        Accrual january = pay.accruals().get(0);
        assertEquals(euros("1381.20"), january.previousCommonBase());
        assertEquals(euros("1424.40"), january.commonBase());
        assertEquals(euros("3.08"), january.employeeContributions());
        assertEquals(euros("15.00"), january.employerContributions());

        // each line: the month earned, the line due (base, rate, source) and the line paid
        RunLine salary = line(pay, JANUARY, Kind.SALARY, "base-salary");
        assertEquals(euros("50.00"), salary.amount());
        assertEquals(Optional.of(euros("1350.00")), salary.base());
        assertEquals(euros("1300.00"), salary.previous().orElseThrow().amount());
        assertEquals(Optional.of(EarningKind.BASE_SALARY), salary.heading());
        // MEI: 0,75 % of 1.424,40 = 10,68 due (BOE-A-2026-7296 art. 16); 0,67 % of 1.381,20 = 9,25 paid
        // (BOE-A-2025-3780 art. 16): 1,43
        RunLine mei = line(pay, FEBRUARY, Kind.EMPLOYER_CONTRIBUTION, "mei");
        assertEquals(euros("1.43"), mei.amount());
        assertEquals(0, euros("0.75").compareTo(mei.rate().orElseThrow()));
        assertEquals(Optional.of(euros("1424.40")), mei.base());
        assertTrue(mei.source().citation().startsWith("BOE-A-2026-7296 art. 16"), mei.source().citation());
        PayrollRuns.Previous before = mei.previous().orElseThrow();
        assertEquals(0, euros("0.67").compareTo(before.rate().orElseThrow()));
        assertEquals(Optional.of(euros("1381.20")), before.base());
        assertEquals(euros("9.25"), before.amount());
        assertEquals("BOE-A-2025-3780 art. 16", before.source().citation());
    }

    /**
     * December 2025 paid at 1.300,00 and recalculated at 1.350,00 on 2025's own tables, paid in 2026: arrears of an
     * earlier year, withheld at the fixed rate the installed rules give (15 %: Ley 35/2006 art. 101.1, RIRPF art.
     * 80.1.5.º), whatever the employee's rate of the month paid.
     */
    @Test
    void arrearsOfAnEarlierYearAreWithheldAtTheirFixedRateCitingIt() {
        YearMonth december = YearMonth.of(2025, 12);
        Rules rules = Rules.of(TABLES, december);
        Result before = MonthlyPay.of(rules,
                new Input(SINGLE, salary("1300.00"), Period.ordinary(december), SoFar.NONE));
        Result after = MonthlyPay.of(rules,
                new Input(SINGLE, salary("1350.00"), Period.ordinary(december), SoFar.NONE));
        IrpfRules.Value fixed = TABLES.irpf(LocalDate.of(2026, 3, 31)).value(IrpfRules.Parameter.ARREARS_EARLIER_YEARS);
        assertEquals(euros("15.00"), fixed.amount());
        assertEquals(Source.Status.VERIFIED, fixed.source().status());
        assertTrue(fixed.source().citation().contains("BOE-A-2007-6820 art. 80.1.5.º"), fixed.source().citation());

        ComplementaryPay.Pay pay = ComplementaryPay.of(MonthlyPay.arrears(List.of(before), List.of(after)),
                fixed.amount(), fixed.source(), Map.of(), Map.of());
        // the salary's 50,00, all of it subject to withholding; 15 % of it 7,50
        assertEquals(euros("50.00"), pay.taxable());
        assertEquals(euros("7.50"), pay.withheld());
        RunLine irpf = pay.lines().stream().filter(l -> l.concept().equals("irpf")).findFirst().orElseThrow();
        assertEquals(Optional.of(euros("50.00")), irpf.base());
        assertEquals(Optional.of(euros("15.00")), irpf.rate());
        assertEquals(fixed.source(), irpf.source());
        assertEquals(List.of(december), pay.accruals().stream().map(Accrual::month).toList());
        assertEquals(pay.grossPay().subtract(pay.employeeContributions()).subtract(euros("7.50")), pay.net());
    }

    @Test
    void aMonthAlreadyCorrectedByAComplementaryRunHasNoDifferenceLeft() {
        // what the runs paid for January: the regular run's lines and the complementary run's differences, summed by
        // kind and concept as PayrollRuns.paid reads them; recalculated again, nothing is due twice
        Result regular = paid(JANUARY);
        Result due = due(JANUARY);
        Arrears first = MonthlyPay.arrears(List.of(regular), List.of(due)).get(0);
        assertTrue(first.differs());
        List<Line> lines = new ArrayList<>(regular.lines());
        for (MonthlyPay.Difference d : first.lines()) {
            Line now = d.due().orElseThrow();
            lines.add(new Line(d.kind(), d.concept(), now.base(), now.rate(), now.units(), d.amount(), now.source()));
        }
        Paid corrected = new Paid(JANUARY, regular.gross().add(first.gross()), regular.taxable().add(first.taxable()),
                regular.contributions().common().amount().add(first.commonBase()),
                regular.contributions().professional().amount().add(first.professionalBase()),
                regular.contributions().employee().add(first.employeeContributions()),
                regular.contributions().employer().add(first.employerContributions()), lines);

        Arrears again = MonthlyPay.arrearsOf(List.of(corrected), List.of(due)).get(0);
        assertFalse(again.differs(), again.toString());
        assertEquals(euros("0.00"), again.employerContributions());
        // nothing withheld on arrears that do not raise the taxable pay
        assertEquals(euros("0.00"),
                ComplementaryPay
                        .of(List.of(again), euros("15.00"), Withholding.Reason.ARREARS.source(), Map.of(), Map.of())
                        .withheld());
    }

    @Test
    void theArrearsPayslipIsOfTheMonthPaidAndNamesEachEarningsMonth() {
        // Orden de 27-12-1994 art. 1.2: a receipt is of a calendar month, the one paid in (April); each earning says
        // "Atrasos" and its month; the contributions are the differences summed by concept
        ComplementaryPay.Pay pay = ComplementaryPay.of(
                MonthlyPay.arrears(List.of(paid(JANUARY), paid(FEBRUARY)), List.of(due(JANUARY), due(FEBRUARY))),
                euros("2.00"), Withholding.Reason.ARREARS.source(), Map.of("base-salary", EarningKind.BASE_SALARY),
                Map.of());
        PayrollRuns.RunEmployee employee = new PayrollRuns.RunEmployee(1, 2, 3, "28123456742", "Ana García López",
                "12345678Z", "281234567840", "Educadora social", 5, JANUARY.atDay(1), FEBRUARY.atEndOfMonth(), 0,
                pay.grossPay(), pay.compensation(), pay.benefitAdvanced(), pay.taxable(), pay.employeeContributions(),
                pay.withheld(), euros("0.00"), pay.net(), pay.employerContributions(), pay.employerCost(),
                pay.commonBase(), pay.professionalBase(), pay.lines(), Optional.empty(), pay.accruals(), List.of(),
                Optional.empty());
        var payslip = RunPayslips.of("Cooperativa", "F12345678", new coop.intercoop.hub.tenancy.entity.WorkCentre(
                "Centro", "Calle Mayor 1", "28013", "Madrid", "28123456742"), YearMonth.of(2026, 4), employee);

        assertEquals(YearMonth.of(2026, 4), payslip.period().month());
        assertEquals(List.of("Atrasos 01/2026: base-salary", "Atrasos 02/2026: base-salary"),
                payslip.earnings().stream().map(e -> e.concept()).toList());
        assertEquals(euros("100.00"), payslip.totalEarned());
        // MEI 1,43 a month, two months
        assertEquals(euros("2.86"),
                payslip.employerContributions().stream()
                        .filter(c -> c.item() == coop.intercoop.hub.payroll.entity.Payslip.Item.MEI).findFirst()
                        .orElseThrow().amount());
        assertEquals(euros("6.16"), payslip.totalEmployeeContributions());
        assertEquals(euros("2.00"), payslip.withholding().amount());
        assertEquals(pay.net(), payslip.net());
        assertEquals(LocalDate.of(2026, 4, 30), payslip.date());
    }
}
