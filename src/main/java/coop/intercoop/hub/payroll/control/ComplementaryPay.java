package coop.intercoop.hub.payroll.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import coop.intercoop.hub.payroll.control.MonthlyPay.Arrears;
import coop.intercoop.hub.payroll.control.MonthlyPay.Difference;
import coop.intercoop.hub.payroll.control.MonthlyPay.Kind;
import coop.intercoop.hub.payroll.control.PayrollRuns.Accrual;
import coop.intercoop.hub.payroll.control.PayrollRuns.Previous;
import coop.intercoop.hub.payroll.control.PayrollRuns.RunLine;
import coop.intercoop.hub.payroll.entity.Payslip.EarningKind;
import coop.intercoop.hub.payroll.entity.Source;

/**
 * What a complementary run pays one employee: the differences of each month recalculated ({@link MonthlyPay#arrears}),
 * each line with the month it was earned in, the line as paid and the line due now; the month's accruals (the
 * differences of pay and bases, and the complementary contributions, which are settled by the month they were earned
 * in: Orden PJC/297/2026, BOE-A-2026-7296, art. 1.1 primera, the base is "la remuneración devengada en el mes a que se
 * refiere la cotización"); and the totals paid in the run's month.
 * <p>
 * Withholding: the arrears of months of the year they are paid in are pay of the month they are paid in, withheld at
 * that month's rate (RIRPF, BOE-A-2007-6820, art. 82: the rate is applied to each payment); the run of the next month
 * then finds its forecast changed by them and regularises the rate (art. 87.2.3.º). Arrears of an earlier year are
 * income of the year they were due in (Ley 35/2006, BOE-A-2006-20764, art. 14.2.b), withheld at the fixed rate of such
 * arrears (art. 101.1; RIRPF art. 80.1.5.º) and left out of this year's forecast (art. 83.2.1.ª). Nothing is withheld
 * when the differences lower the taxable pay: the lower pay goes into the next month's forecast the same way, or, of an
 * earlier year, is a refund of pay of that year.
 */
public final class ComplementaryPay {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private ComplementaryPay() {
    }

    /**
     * The totals paid, the lines (the months' differences and the withholding) and the accruals per month.
     *
     * @param grossPay
     *            the salary differences
     * @param compensation
     *            the non-salary differences less the benefit recovered
     * @param benefitAdvanced
     *            the difference of the sick-leave benefit paid in delegated payment
     */
    public record Pay(BigDecimal grossPay, BigDecimal compensation, BigDecimal benefitAdvanced, BigDecimal taxable,
            BigDecimal employeeContributions, BigDecimal withheld, BigDecimal net, BigDecimal employerContributions,
            BigDecimal employerCost, BigDecimal commonBase, BigDecimal professionalBase, List<RunLine> lines,
            List<Accrual> accruals) {

        public BigDecimal gross() {
            return grossPay.add(compensation).add(benefitAdvanced);
        }
    }

    /**
     * @param months
     *            the months' differences, none of them empty
     * @param rate
     *            the withholding rate, in percent: the month paid's for arrears of its year, the fixed rate of arrears
     *            for those of an earlier year
     * @param rateSource
     *            where that rate comes from, cited on the withholding line
     * @param headings
     *            the payslip heading of each earning's concept
     * @param exemptSubkeys
     *            the key L subkey of each earning's concept not subject to withholding
     */
    public static Pay of(List<Arrears> months, BigDecimal rate, Source rateSource, Map<String, EarningKind> headings,
            Map<String, Integer> exemptSubkeys) {
        BigDecimal salary = ZERO;
        BigDecimal nonSalary = ZERO;
        BigDecimal recovered = ZERO;
        BigDecimal taxable = ZERO;
        BigDecimal employee = ZERO;
        BigDecimal employer = ZERO;
        BigDecimal common = ZERO;
        BigDecimal professional = ZERO;
        List<RunLine> lines = new ArrayList<>();
        List<Accrual> accruals = new ArrayList<>();
        for (Arrears month : months) {
            for (Difference d : month.lines()) {
                switch (d.kind()) {
                    case SALARY -> salary = salary.add(d.amount());
                    case NON_SALARY -> nonSalary = nonSalary.add(d.amount());
                    default -> {
                        // contributions and the recovery are in the month's totals
                    }
                }
                boolean earning = d.kind() == Kind.SALARY || d.kind() == Kind.NON_SALARY;
                lines.add(new RunLine(d.kind(), d.concept(),
                        earning ? Optional.ofNullable(headings.get(d.concept())) : Optional.empty(),
                        earning ? Optional.ofNullable(exemptSubkeys.get(d.concept())) : Optional.empty(),
                        d.due().flatMap(MonthlyPay.Line::base), d.due().flatMap(MonthlyPay.Line::rate),
                        d.due().flatMap(MonthlyPay.Line::units), d.amount(), d.source(), Optional.of(month.month()),
                        d.paid().map(p -> new Previous(p.base(), p.rate(), p.amount(), p.source()))));
            }
            recovered = recovered.add(month.recovered());
            taxable = taxable.add(month.taxable());
            employee = employee.add(month.employeeContributions());
            employer = employer.add(month.employerContributions());
            common = common.add(month.commonBase());
            professional = professional.add(month.professionalBase());
            accruals.add(new Accrual(month.month(), month.gross(), month.taxable(), month.paidCommonBase(),
                    month.paidCommonBase().add(month.commonBase()), month.paidProfessionalBase(),
                    month.paidProfessionalBase().add(month.professionalBase()), month.employeeContributions(),
                    month.employerContributions()));
        }
        BigDecimal withheld = ZERO;
        if (taxable.signum() > 0 && rate.signum() > 0) {
            Withholding.Result held = new Withholding.Result(List.of(), rate);
            withheld = held.on(taxable);
            lines.add(new RunLine(Kind.DEDUCTION, "irpf", Optional.empty(), Optional.of(taxable), Optional.of(rate),
                    Optional.empty(), withheld, rateSource));
        }
        BigDecimal gross = salary.add(nonSalary);
        BigDecimal net = gross.subtract(employee).subtract(withheld);
        return new Pay(salary, nonSalary.subtract(recovered), recovered, taxable, employee, withheld, net, employer,
                gross.add(employer).subtract(recovered), common, professional, lines, accruals);
    }
}
