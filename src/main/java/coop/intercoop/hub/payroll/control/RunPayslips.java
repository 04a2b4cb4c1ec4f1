package coop.intercoop.hub.payroll.control;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import coop.intercoop.hub.payroll.control.PayrollRuns.RunEmployee;
import coop.intercoop.hub.payroll.control.PayrollRuns.RunLine;
import coop.intercoop.hub.payroll.entity.Payslip;
import coop.intercoop.hub.payroll.entity.Payslip.EarningKind;
import coop.intercoop.hub.payroll.entity.Source;
import coop.intercoop.hub.tenancy.entity.WorkCentre;

/**
 * A run's stored employee as the salary receipt of Orden ESS/2098/2014 shows it: earnings under the model's headings,
 * the worker's contributions, the IRPF line, other deductions, the bases block and the employer's contributions.
 * <p>
 * A complementary run's receipt is of the month it is paid in (Orden de 27-12-1994 art. 1.2: a receipt refers to
 * calendar months): each earning says "Atrasos" and the month it was earned in, the contributions are the differences
 * summed by concept (without base and rate: each month's are in the run's breakdown), and the bases block holds the
 * differences of the bases.
 */
final class RunPayslips {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private RunPayslips() {
    }

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    /**
     * @param paidIn
     *            the month the run pays in
     */
    static Payslip of(String organisation, String taxId, WorkCentre centre, YearMonth paidIn, RunEmployee e) {
        List<Payslip.Earning> earnings = new ArrayList<>();
        List<Payslip.Contribution> employee = new ArrayList<>();
        List<Payslip.Contribution> employer = new ArrayList<>();
        List<Payslip.Deduction> others = new ArrayList<>();
        Payslip.Withholding withholding = null;
        BigDecimal extras = ZERO;
        BigDecimal salary = ZERO;
        for (RunLine line : e.lines()) {
            switch (line.kind()) {
                case SALARY, NON_SALARY -> {
                    EarningKind heading = line.heading().orElse(heading(line));
                    earnings.add(new Payslip.Earning(heading, line.accrued()
                            .map(m -> "Atrasos " + MONTH.format(m) + ": " + line.concept()).orElse(line.concept()),
                            line.amount()));
                    if (heading == EarningKind.EXTRA_PAYMENT) {
                        extras = extras.add(line.amount());
                    } else if (line.kind() == MonthlyPay.Kind.SALARY) {
                        salary = salary.add(line.amount());
                    }
                }
                case DEDUCTION -> {
                    if (line.concept().equals("irpf")) {
                        withholding = new Payslip.Withholding(line.base().orElse(e.taxable()),
                                line.rate().orElse(BigDecimal.ZERO), line.amount(), line.source());
                    } else {
                        Optional<Payslip.Item> item = item(line.concept());
                        if (item.isPresent()) {
                            add(employee, contribution(item.get(), line));
                        } else {
                            others.add(new Payslip.Deduction(line.concept(), line.amount()));
                        }
                    }
                }
                case EMPLOYER_CONTRIBUTION -> add(employer, contribution(item(line.concept()).orElseThrow(), line));
                case RECOVERY -> {
                    // recovered from the contributions paid, not a line of the receipt
                }
            }
        }
        if (withholding == null) {
            withholding = new Payslip.Withholding(e.taxable(), BigDecimal.ZERO, ZERO,
                    new Source("BOE-A-2007-6820 art. 86", Source.Status.VERIFIED));
        }
        String name = e.workerName();
        boolean arrears = !e.accruals().isEmpty();
        return new Payslip(
                new Payslip.Company(organisation,
                        centre.getAddress() + ", " + centre.getPostalCode() + " " + centre.getMunicipality(), taxId,
                        e.workCentreCcc()),
                new Payslip.Worker(name, e.nif(), e.naf(), e.category(), e.contributionGroup(), Optional.empty()),
                arrears ? new Payslip.Period(paidIn.atDay(1), paidIn.atEndOfMonth(), 30)
                        : new Payslip.Period(e.periodFrom(), e.periodTo(), e.days()),
                earnings, employee, withholding, ZERO, ZERO, others, paidIn.atEndOfMonth(), new Payslip.Bases(salary,
                        e.proratedExtras().orElse(extras), e.commonBase(), e.professionalBase(), ZERO),
                employer);
    }

    private static EarningKind heading(RunLine line) {
        return MonthlyPay.heading(line.concept()).orElse(
                line.kind() == MonthlyPay.Kind.SALARY ? EarningKind.SALARY_COMPLEMENT : EarningKind.OTHER_NON_SALARY);
    }

    private static Optional<Payslip.Item> item(String concept) {
        try {
            return Optional.of(Payslip.Item.of(concept));
        } catch (IllegalArgumentException notAContribution) {
            return Optional.empty();
        }
    }

    /** Adds a contribution, summed with one of its concept when it is a difference of arrears (no base and rate). */
    private static void add(List<Payslip.Contribution> contributions, Payslip.Contribution contribution) {
        for (int i = 0; i < contributions.size(); i++) {
            Payslip.Contribution other = contributions.get(i);
            if (contribution.base().isEmpty() && other.base().isEmpty() && other.item() == contribution.item()) {
                contributions.set(i, new Payslip.Contribution(other.item(), Optional.empty(), Optional.empty(),
                        other.amount().add(contribution.amount()), contribution.source()));
                return;
            }
        }
        contributions.add(contribution);
    }

    private static Payslip.Contribution contribution(Payslip.Item item, RunLine line) {
        boolean both = line.base().isPresent() && line.rate().isPresent() && line.accrued().isEmpty();
        return new Payslip.Contribution(item, both ? line.base() : Optional.empty(),
                both ? line.rate() : Optional.empty(), line.amount(), line.source());
    }
}
