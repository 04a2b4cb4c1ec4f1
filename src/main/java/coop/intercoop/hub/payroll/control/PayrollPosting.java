package coop.intercoop.hub.payroll.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import coop.intercoop.hub.accounting.entity.Dimension;
import coop.intercoop.hub.accounting.entity.EntryDraft;
import coop.intercoop.hub.accounting.entity.EntryDraft.EntryLine;
import coop.intercoop.hub.accounting.entity.EntryDraft.Share;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.payroll.entity.PostingAccounts.Account;
import coop.intercoop.hub.payroll.entity.PostingAccounts.Concept;

/**
 * The journal entry of an approved payroll run: one entry in the {@link Journal#PAYROLL} journal, in the accounts the
 * organisation's chart gives each {@link Concept} ({@code posting-accounts.csv}). The expenses (pay earned,
 * compensation, the employer's contributions) are split by the work centre and the project each employee's cost is
 * charged to, as analytic shares of their lines; what is owed (Social Security, IRPF withheld, net pay) and the
 * advances set off go to one line each; a negative sum (differences paid in excess) goes to the other side. Posting it
 * is the ledger's: its checks, numbering and chain apply as to any other entry.
 */
public final class PayrollPosting {

    private PayrollPosting() {
    }

    /**
     * What a run gives one employee, and where its cost is charged.
     *
     * @param workCentre
     *            the CCC of the work centre the cost is charged to, if any
     * @param project
     *            the code of the project the cost is charged to, if any
     * @param benefitAdvanced
     *            the Social Security benefit paid under delegated payment, to be recovered
     * @param netPay
     *            what is owed to the employee: the pay earned, the compensation and the benefit advanced, less the
     *            employee's contributions, the IRPF withheld and the advances set off
     */
    public record Cost(Optional<String> workCentre, Optional<String> project, BigDecimal grossPay,
            BigDecimal compensation, BigDecimal employerContributions, BigDecimal benefitAdvanced,
            BigDecimal employeeContributions, BigDecimal withholding, BigDecimal advances, BigDecimal netPay) {

        /**
         * @throws IllegalArgumentException
         *             if the net pay is not what the other figures leave
         */
        public Cost {
            BigDecimal owed = grossPay.add(compensation).add(benefitAdvanced).subtract(employeeContributions)
                    .subtract(withholding).subtract(advances);
            if (owed.compareTo(netPay) != 0) {
                throw new IllegalArgumentException("the net pay " + netPay + " is not " + owed
                        + ": the pay, compensation and benefit less the contributions, withholding and advances");
            }
        }
    }

    /**
     * What is owed to an employee: the pay earned, the compensation and the benefit advanced, less the employee's
     * contributions, the IRPF withheld and the advances set off.
     */
    public static BigDecimal netPay(BigDecimal grossPay, BigDecimal compensation, BigDecimal benefitAdvanced,
            BigDecimal employeeContributions, BigDecimal withholding, BigDecimal advances) {
        return grossPay.add(compensation).add(benefitAdvanced).subtract(employeeContributions).subtract(withholding)
                .subtract(advances);
    }

    private record Charge(Concept concept, String workCentre, String project) {
        static final Comparator<Charge> ORDER = Comparator.comparing(Charge::concept).thenComparing(Charge::workCentre)
                .thenComparing(Charge::project);
    }

    /**
     * The run's entry: the debit lines by concept, work centre and project; the credit lines by concept; lines of no
     * amount left out.
     *
     * @param accounts
     *            the accounts of the organisation's chart, {@code PostingAccounts.of(chart)}
     */
    public static EntryDraft entry(Map<Concept, Account> accounts, LocalDate date, String description, String document,
            List<Cost> costs) {
        Map<Charge, BigDecimal> debits = new TreeMap<>(Charge.ORDER);
        Map<Concept, BigDecimal> credits = new EnumMap<>(Concept.class);
        for (Cost cost : costs) {
            String centre = cost.workCentre().orElse("");
            String project = cost.project().orElse("");
            debits.merge(new Charge(Concept.GROSS_PAY, centre, project), cost.grossPay(), BigDecimal::add);
            debits.merge(new Charge(Concept.COMPENSATION, centre, project), cost.compensation(), BigDecimal::add);
            debits.merge(new Charge(Concept.EMPLOYER_CONTRIBUTIONS, centre, project), cost.employerContributions(),
                    BigDecimal::add);
            // an amount the Social Security owes back is no cost of a work centre or project
            debits.merge(new Charge(Concept.BENEFIT_ADVANCED, "", ""), cost.benefitAdvanced(), BigDecimal::add);
            credits.merge(Concept.SOCIAL_SECURITY_PAYABLE,
                    cost.employerContributions().add(cost.employeeContributions()), BigDecimal::add);
            credits.merge(Concept.WITHHOLDING_PAYABLE, cost.withholding(), BigDecimal::add);
            credits.merge(Concept.ADVANCES, cost.advances(), BigDecimal::add);
            credits.merge(Concept.NET_PAY, cost.netPay(), BigDecimal::add);
        }
        List<EntryLine> lines = new ArrayList<>();
        debits.forEach((charge, amount) -> {
            if (amount.signum() != 0) {
                EntryLine line = side(accounts.get(charge.concept()), amount, true);
                List<Share> shares = new ArrayList<>();
                if (!charge.workCentre().isEmpty()) {
                    shares.add(new Share(Dimension.WORK_CENTRE, charge.workCentre(), null));
                }
                if (!charge.project().isEmpty()) {
                    shares.add(new Share(Dimension.PROJECT, charge.project(), null));
                }
                line.setAnalytic(shares.isEmpty() ? null : shares);
                lines.add(line);
            }
        });
        credits.forEach((concept, amount) -> {
            if (amount.signum() != 0) {
                lines.add(side(accounts.get(concept), amount, false));
            }
        });
        return new EntryDraft(date, Journal.PAYROLL, description, document, lines);
    }

    /**
     * A line of the amount on its side, or of the opposite amount on the other side when it is negative: a
     * complementary run that pays less than was paid (differences paid in excess) takes cost off its accounts with a
     * credit, and the net pay the worker owes back is a debit of what is owed to them; the ledger takes no negative
     * amount.
     */
    private static EntryLine side(Account account, BigDecimal amount, boolean debit) {
        boolean onDebit = debit == (amount.signum() > 0);
        BigDecimal shown = amount.abs();
        return new EntryLine(account.code(), onDebit ? shown : null, onDebit ? null : shown, null);
    }
}
