package coop.intercoop.hub.payroll.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.control.PayrollRuns.RunEmployee;
import coop.intercoop.hub.payroll.control.PayrollRuns.RunLine;
import coop.intercoop.hub.payroll.entity.Payslip;
import coop.intercoop.hub.payroll.entity.Payslip.EarningKind;
import coop.intercoop.hub.payroll.entity.Source;
import coop.intercoop.hub.tenancy.entity.WorkCentre;

/** A stored run's employee as the salary receipt shows them. */
class RunPayslipsTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final WorkCentre CENTRE = new WorkCentre("Sede", "Calle Mayor, 1", "28013", "Madrid", "28123456742");
    private static final Source RULE = new Source("BOE-A-2026-7296 art. 4", Source.Status.VERIFIED);

    private static RunLine line(MonthlyPay.Kind kind, String concept, String amount) {
        return new RunLine(kind, concept, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                new BigDecimal(amount), RULE);
    }

    private static RunEmployee employee(List<RunLine> lines, String gross, String employeeContributions, String net,
            String bases, List<PayrollRuns.Accrual> accruals) {
        BigDecimal zero = new BigDecimal("0.00");
        return new RunEmployee(1, 1, 1, "28123456789", "Ana García López", "12345678Z", "281234567840", "Educadora", 5,
                MARCH.atDay(1), MARCH.atEndOfMonth(), 30, new BigDecimal(gross), zero, zero, new BigDecimal(gross),
                new BigDecimal(employeeContributions), zero, zero, new BigDecimal(net), zero, zero,
                new BigDecimal(bases), new BigDecimal(bases), lines, Optional.empty(), accruals, List.of(),
                Optional.empty());
    }

    private static RunLine earning(String concept, EarningKind heading, String amount) {
        return new RunLine(MonthlyPay.Kind.SALARY, concept, Optional.of(heading), Optional.empty(), Optional.empty(),
                Optional.empty(), new BigDecimal(amount), RULE);
    }

    /**
     * June, with an extra payment of 1.500,00 paid whole and one of 100,00 prorated: the receipt's bases show the
     * month's pay without the extras, and as "Importe prorrata pagas extraordinarias" the share the run stored (the
     * prorated 100,00 and the twelfth of the extras paid whole, 250,00), not the payment of June; a run stored before
     * that share was kept shows its extras' lines, as it did.
     */
    @Test
    void theBasesShowTheExtrasShareTheRunStoredNotTheExtraPaidInTheMonth() {
        List<RunLine> lines = List.of(earning("Salario base", EarningKind.BASE_SALARY, "1500.00"),
                earning("Paga extraordinaria", EarningKind.EXTRA_PAYMENT, "1500.00"),
                earning("Prorrata de beneficios", EarningKind.EXTRA_PAYMENT, "100.00"));
        RunEmployee before = employee(lines, "3100.00", "0.00", "3100.00", "1850.00", List.of());
        RunEmployee stored = new RunEmployee(before.employeeId(), before.contractId(), before.workCentreId(),
                before.workCentreCcc(), before.workerName(), before.nif(), before.naf(), before.category(),
                before.contributionGroup(), before.periodFrom(), before.periodTo(), before.days(), before.grossPay(),
                before.compensation(), before.benefitAdvanced(), before.taxable(), before.employeeContributions(),
                before.withheld(), before.advances(), before.net(), before.employerContributions(),
                before.employerCost(), before.commonBase(), before.professionalBase(), lines, before.irpf(),
                before.accruals(), before.warnings(), Optional.of(new BigDecimal("350.00")));

        Payslip.Bases bases = RunPayslips.of("Asociación", "G12345678", CENTRE, YearMonth.of(2026, 6), stored).bases();
        assertEquals(new BigDecimal("1500.00"), bases.monthlyPay());
        assertEquals(new BigDecimal("350.00"), bases.proratedExtras());
        assertEquals(new BigDecimal("1600.00"), RunPayslips
                .of("Asociación", "G12345678", CENTRE, YearMonth.of(2026, 6), before).bases().proratedExtras());
    }

    /**
     * Three days of unpaid absence (ET art. 45.2): the salary items' pay for those days is a negative line under the
     * salary base, so that the receipt's total earned is the pay of the month; before, a receipt refused any negative
     * earning, and the payslip of a month with an absence could not be printed.
     */
    @Test
    void anAbsenceIsANegativeLineUnderItsSalaryItemsHeading() {
        RunEmployee e = employee(List.of(
                new RunLine(MonthlyPay.Kind.SALARY, "Salario base", Optional.of(EarningKind.BASE_SALARY),
                        Optional.empty(), Optional.empty(), Optional.empty(), new BigDecimal("2000.00"), RULE),
                new RunLine(MonthlyPay.Kind.SALARY, "absence-Salario base", Optional.of(EarningKind.BASE_SALARY),
                        Optional.empty(), Optional.empty(), Optional.of(new BigDecimal("3")), new BigDecimal("-200.00"),
                        RULE),
                line(MonthlyPay.Kind.DEDUCTION, "common", "84.60")), "1800.00", "84.60", "1715.40", "1800.00",
                List.of());

        Payslip payslip = RunPayslips.of("Asociación", "G12345678", CENTRE, MARCH, e);

        assertEquals(List.of(new BigDecimal("2000.00"), new BigDecimal("-200.00")),
                payslip.earnings(EarningKind.BASE_SALARY).stream().map(Payslip.Earning::amount).toList());
        assertEquals(new BigDecimal("1800.00"), payslip.totalEarned());
        assertEquals(e.net(), payslip.net());
    }

    /** A complementary run that pays less than was paid: the receipt's lines and net are negative, as the run's. */
    @Test
    void differencesPaidInExcessGiveANegativeReceipt() {
        RunLine complement = new RunLine(MonthlyPay.Kind.SALARY, "Complemento de puesto", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), new BigDecimal("-50.00"), RULE,
                Optional.of(YearMonth.of(2026, 2)), Optional.empty());
        RunLine common = new RunLine(MonthlyPay.Kind.DEDUCTION, "common", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), new BigDecimal("-2.35"), RULE,
                Optional.of(YearMonth.of(2026, 2)), Optional.empty());
        RunEmployee e = employee(List.of(complement, common), "-50.00", "-2.35", "-47.65", "-50.00",
                List.of(new PayrollRuns.Accrual(YearMonth.of(2026, 2), new BigDecimal("-50.00"),
                        new BigDecimal("-50.00"), new BigDecimal("2050.00"), new BigDecimal("2000.00"),
                        new BigDecimal("2050.00"), new BigDecimal("2000.00"), new BigDecimal("-2.35"),
                        new BigDecimal("-11.80"))));

        Payslip payslip = RunPayslips.of("Asociación", "G12345678", CENTRE, YearMonth.of(2026, 4), e);

        assertEquals("Atrasos 02/2026: Complemento de puesto", payslip.earnings().get(0).concept());
        assertEquals(new BigDecimal("-50.00"), payslip.totalEarned());
        assertEquals(new BigDecimal("-47.65"), payslip.net());
        assertEquals(new BigDecimal("-50.00"), payslip.bases().common());
    }
}
