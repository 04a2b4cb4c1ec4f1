package coop.intercoop.hub.accounting.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.accounting.entity.Dimension;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * How the organisation's grants are executed, from the analytic balances posting maintains per month
 * ({@code analytic_balance}).
 */
@Dependent
public class GrantExecutions {

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Tenant tenant;

    /**
     * The accounts, by prefix, on which a grant's own recognition is posted (subsidies in equity, their transfer and
     * their imputation to the surplus: subgroups 13, 74, 84 and 94 of the PGC charts): income of the grant shared to
     * it, which grant execution shows apart from spending.
     */
    @Inject
    @ConfigProperty(name = "hub.grants.income-accounts", defaultValue = "13,74,84,94")
    List<String> grantIncomeAccounts;

    /** A budget line of a grant: the budget for the accounts under {@code account}, what was spent, what is left. */
    public record GrantLine(String account, String name, BigDecimal budget, BigDecimal actual, BigDecimal remaining) {
    }

    /**
     * How a grant's budget is being executed.
     *
     * @param outsideBudget
     *            what was charged to the grant on accounts no budget line covers, other than its income
     * @param income
     *            the grant's own recognition shared to it, on the accounts of {@code hub.grants.income-accounts}
     *            (credit minus debit: the subsidy recognised in equity, transferred and taken to the surplus); never
     *            spending, so neither in a budget line nor outside the budget
     */
    public record GrantExecution(String grant, String name, String funder, BigDecimal awarded, LocalDate eligibleFrom,
            LocalDate eligibleTo, List<GrantLine> lines, BigDecimal budget, BigDecimal actual, BigDecimal remaining,
            BigDecimal outsideBudget, BigDecimal income) {
    }

    /**
     * The execution of a grant: per budget line, the net debit charged to the grant (analytic dimension GRANT) on the
     * accounts under the line's prefix, leaving the grant's income apart, in the periods that overlap the grant's
     * eligibility dates (analytic balances are kept per month, so a month the eligibility starts or ends in counts
     * whole).
     *
     * @throws NotFoundException
     *             if the organisation has no grant with that code
     */
    public GrantExecution grantExecution(String code) {
        long org = tenant.id();
        try (Connection c = dataSource.getConnection()) {
            long id;
            String name;
            String funder;
            BigDecimal awarded;
            LocalDate eligibleFrom;
            LocalDate eligibleTo;
            try (PreparedStatement s = c.prepareStatement("SELECT id, name, funder, awarded, eligible_from, "
                    + "eligible_to FROM grant_award WHERE org_id = ? AND code = ?")) {
                s.setLong(1, org);
                s.setString(2, code == null ? "" : code.strip());
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new NotFoundException("grant", code);
                    }
                    id = r.getLong(1);
                    name = r.getString(2);
                    funder = r.getString(3);
                    awarded = r.getBigDecimal(4);
                    eligibleFrom = r.getDate(5).toLocalDate();
                    eligibleTo = r.getDate(6).toLocalDate();
                }
            }
            Map<String, BigDecimal> budget = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT account_prefix, amount FROM grant_budget "
                    + "WHERE org_id = ? AND grant_id = ? ORDER BY account_prefix")) {
                s.setLong(1, org);
                s.setLong(2, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        budget.put(r.getString(1), r.getBigDecimal(2));
                    }
                }
            }
            Map<String, BigDecimal> spent = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT a.code, SUM(b.debit) - SUM(b.credit) "
                    + "FROM analytic_balance b JOIN period p ON p.org_id = b.org_id AND p.id = b.period_id "
                    + "JOIN account a ON a.org_id = b.org_id AND a.id = b.account_id "
                    + "WHERE b.org_id = ? AND b.dimension = ? AND b.value_id = ? AND p.start_date <= ? "
                    + "AND p.end_date >= ? GROUP BY a.code")) {
                s.setLong(1, org);
                s.setString(2, Dimension.GRANT.name());
                s.setLong(3, id);
                s.setDate(4, Date.valueOf(eligibleTo));
                s.setDate(5, Date.valueOf(eligibleFrom));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        spent.put(r.getString(1), r.getBigDecimal(2));
                    }
                }
            }
            BalanceReads.Chart chart = BalanceReads.chart(c, org);
            List<GrantLine> lines = new ArrayList<>();
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            BigDecimal income = zero;
            for (Iterator<Map.Entry<String, BigDecimal>> i = spent.entrySet().iterator(); i.hasNext();) {
                Map.Entry<String, BigDecimal> s = i.next();
                if (grantIncomeAccounts.stream().anyMatch(s.getKey()::startsWith)) {
                    income = income.subtract(s.getValue());
                    i.remove();
                }
            }
            BigDecimal totalBudget = zero;
            BigDecimal totalActual = zero;
            for (Map.Entry<String, BigDecimal> line : budget.entrySet()) {
                BigDecimal actual = zero;
                for (Map.Entry<String, BigDecimal> s : spent.entrySet()) {
                    if (s.getKey().startsWith(line.getKey())) {
                        actual = actual.add(s.getValue());
                    }
                }
                String accountName = chart.nameOf(line.getKey());
                lines.add(new GrantLine(line.getKey(), accountName == null ? "" : accountName, line.getValue(), actual,
                        line.getValue().subtract(actual)));
                totalBudget = totalBudget.add(line.getValue());
                totalActual = totalActual.add(actual);
            }
            BigDecimal outside = zero;
            for (Map.Entry<String, BigDecimal> s : spent.entrySet()) {
                if (budget.keySet().stream().noneMatch(s.getKey()::startsWith)) {
                    outside = outside.add(s.getValue());
                }
            }
            return new GrantExecution(code.strip(), name, funder, awarded, eligibleFrom, eligibleTo, lines, totalBudget,
                    totalActual, totalBudget.subtract(totalActual), outside, income);
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }
}
