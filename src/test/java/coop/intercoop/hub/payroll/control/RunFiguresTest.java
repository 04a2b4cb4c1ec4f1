package coop.intercoop.hub.payroll.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.control.PayrollRuns.Irpf;
import coop.intercoop.hub.payroll.control.PayrollRuns.RunEmployee;
import coop.intercoop.hub.payroll.control.PayrollRuns.RunLine;
import coop.intercoop.hub.payroll.entity.Payslip;
import coop.intercoop.hub.payroll.entity.Source;

/** What approval compares: a run's stored employees against the same run calculated now. */
class RunFiguresTest {

    private static final Source ORDER = new Source("BOE-A-2026-7296 art. 4.a", Source.Status.VERIFIED);

    /** An employee's month of gross {@code gross}, with one salary line and one contribution line. */
    private static RunEmployee month(long id, String name, String gross, String rate) {
        BigDecimal pay = new BigDecimal(gross);
        List<RunLine> lines = List.of(
                new RunLine(MonthlyPay.Kind.SALARY, "Salario base", Optional.of(Payslip.EarningKind.BASE_SALARY),
                        Optional.empty(), Optional.empty(), Optional.empty(), pay, ORDER),
                new RunLine(MonthlyPay.Kind.EMPLOYER_CONTRIBUTION, "common", Optional.empty(), Optional.of(pay),
                        Optional.of(new BigDecimal(rate)), Optional.empty(), new BigDecimal("472.00"), ORDER));
        BigDecimal zero = new BigDecimal("0.00");
        return new RunEmployee(id, 10 + id, 7, "28123456789", name, "12345678Z", "281234567840", "Técnica", 5,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), 30, pay, zero, zero, pay, zero, zero, zero, pay,
                new BigDecimal("472.00"), pay.add(new BigDecimal("472.00")), pay, pay, lines,
                Optional.of(new Irpf(Optional.of(new BigDecimal("24000.00")), Optional.of(new BigDecimal("1560.00")),
                        new BigDecimal("12.00"), Withholding.Reason.FIRST, Optional.of("abc"))),
                List.of(), List.of(), Optional.of(new BigDecimal("0.00")));
    }

    @Test
    void theSameFiguresAtAnotherScaleAreUnchanged() {
        // as stored, DECIMAL(…, 2) and a rate of two decimals; as calculated, the scales the arithmetic gave
        RunEmployee stored = month(1, "Ana García", "2000.00", "23.60");
        RunEmployee calculated = month(1, "Ana García", "2000", "23.6");
        assertEquals(RunFigures.of(stored), RunFigures.of(calculated));
        assertEquals(List.of(), RunFigures.changed(List.of(stored), List.of(calculated)));
    }

    @Test
    void aLineAmountARateOrAStoredNameThatDiffersNamesTheEmployee() {
        RunEmployee ana = month(1, "Ana García", "2000.00", "23.60");
        RunEmployee luis = month(2, "Luis Pérez", "1500.00", "23.60");
        assertEquals(List.of("Luis Pérez"),
                RunFigures.changed(List.of(ana, luis), List.of(ana, month(2, "Luis Pérez", "1500.01", "23.60"))));
        assertEquals(List.of("Ana García"),
                RunFigures.changed(List.of(ana, luis), List.of(month(1, "Ana García", "2000.00", "23.50"), luis)));
        // the name printed on the payslip and the returns is part of what was stored
        assertEquals(List.of("Ana María García"),
                RunFigures.changed(List.of(ana), List.of(month(1, "Ana María García", "2000.00", "23.60"))));
        // a base present on one side only
        RunLine unbased = new RunLine(MonthlyPay.Kind.SALARY, "Salario base",
                Optional.of(Payslip.EarningKind.BASE_SALARY), Optional.of(new BigDecimal("2000.00")), Optional.empty(),
                Optional.empty(), new BigDecimal("2000.00"), ORDER);
        assertNotEquals(RunFigures.of(ana), RunFigures.of(withLines(ana, List.of(unbased, ana.lines().get(1)))));
    }

    private static RunEmployee withLines(RunEmployee e, List<RunLine> lines) {
        return new RunEmployee(e.employeeId(), e.contractId(), e.workCentreId(), e.workCentreCcc(), e.workerName(),
                e.nif(), e.naf(), e.category(), e.contributionGroup(), e.periodFrom(), e.periodTo(), e.days(),
                e.grossPay(), e.compensation(), e.benefitAdvanced(), e.taxable(), e.employeeContributions(),
                e.withheld(), e.advances(), e.net(), e.employerContributions(), e.employerCost(), e.commonBase(),
                e.professionalBase(), lines, e.irpf(), e.accruals(), e.warnings(), e.proratedExtras());
    }

    @Test
    void anEmployeeOnlyOneSideHasIsNamedInAlphabeticalOrder() {
        RunEmployee ana = month(1, "Ana García", "2000.00", "23.60");
        RunEmployee zoe = month(3, "Zoe Blanco", "1800.00", "23.60");
        RunEmployee luis = month(2, "Luis Pérez", "1500.00", "23.60");
        assertEquals(List.of("Luis Pérez", "Zoe Blanco"), RunFigures.changed(List.of(ana, zoe), List.of(luis, ana)));
    }
}
