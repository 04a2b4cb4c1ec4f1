package coop.intercoop.hub.accounting.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * Proves that the balances the ledger maintains (per period, per day, per analytic value) equal the sums of the posted
 * lines, and rebuilds them from the lines if they do not. Both read every posted line of the organisation, so they are
 * actions an accountant runs, not something reports do.
 */
@Dependent
public class Balances {

    /** At most this many differences are listed. */
    static final int MAX_DIFFERENCES = 100;

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Tenant tenant;

    @Inject
    Ledger ledger;

    @Inject
    AuditTrail audit;

    /** One maintained row that differs from the lines: which table, which key, maintained vs recomputed. */
    public record Difference(String table, String key, BigDecimal maintainedDebit, BigDecimal maintainedCredit,
            BigDecimal linesDebit, BigDecimal linesCredit) {
    }

    public record Verification(boolean consistent, List<Difference> differences) {
    }

    /**
     * A maintained table against the lines: the lines' query names its columns k1..kn (the key), d1, c1 (the lines'
     * sums) and d2, c2 (zero); the table's query gives the same key with zeros and then its own debit and credit.
     */
    private record Check(String table, int keys, String label, String fromLines, String fromTable) {
    }

    private static final String ANALYTIC_KEY = "CASE WHEN s.project_id IS NOT NULL THEN 'PROJECT' "
            + "WHEN s.grant_id IS NOT NULL THEN 'GRANT' WHEN s.activity IS NOT NULL THEN 'ACTIVITY' "
            + "ELSE 'WORK_CENTRE' END";
    private static final String ANALYTIC_VALUE = "COALESCE(s.project_id, s.grant_id, s.work_centre_id, "
            + "CASE s.activity WHEN 'OWN' THEN 1 ELSE 2 END)";

    private static final List<Check> CHECKS = List.of(
            new Check("period_balance", 2, "CONCAT('period ', k1, ', account ', k2)",
                    "SELECT e.period_id k1, l.account_id k2, l.debit d1, l.credit c1, 0 d2, 0 c2 FROM journal_line l "
                            + "JOIN journal_entry e ON e.org_id = l.org_id AND e.id = l.entry_id WHERE l.org_id = ?",
                    "SELECT period_id, account_id, 0, 0, debit, credit FROM period_balance WHERE org_id = ?"),
            new Check("day_balance", 2, "CONCAT('day ', k1, ', account ', k2)",
                    "SELECT entry_date k1, account_id k2, debit d1, credit c1, 0 d2, 0 c2 FROM journal_line "
                            + "WHERE org_id = ?",
                    "SELECT balance_date, account_id, 0, 0, debit, credit FROM day_balance WHERE org_id = ?"),
            new Check("analytic_balance", 4, "CONCAT(k1, ' ', k2, ', period ', k3, ', account ', k4)",
                    "SELECT " + ANALYTIC_KEY + " k1, " + ANALYTIC_VALUE + " k2, e.period_id k3, l.account_id k4, "
                            + "s.debit d1, s.credit c1, 0 d2, 0 c2 FROM line_allocation s "
                            + "JOIN journal_line l ON l.org_id = s.org_id AND l.entry_id = s.entry_id "
                            + "AND l.line_no = s.line_no JOIN journal_entry e ON e.org_id = s.org_id "
                            + "AND e.id = s.entry_id WHERE s.org_id = ?",
                    "SELECT dimension, value_id, period_id, account_id, 0, 0, debit, credit FROM analytic_balance "
                            + "WHERE org_id = ?"));

    public Verification verify() {
        List<Difference> differences = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (Check check : CHECKS) {
                differences.addAll(differences(c, check));
            }
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
        List<Difference> listed = differences.size() > MAX_DIFFERENCES ? differences.subList(0, MAX_DIFFERENCES)
                : differences;
        audit.record(tenant.id(), "accounting.balances-verified", "balances", String.valueOf(tenant.id()),
                differences.isEmpty() ? "consistent" : differences.size() + " differences");
        return new Verification(differences.isEmpty(), List.copyOf(listed));
    }

    private List<Difference> differences(Connection c, Check check) throws SQLException {
        StringBuilder keys = new StringBuilder();
        for (int k = 1; k <= check.keys; k++) {
            keys.append(k == 1 ? "" : ", ").append("k").append(k);
        }
        String sql = "SELECT " + check.label + ", SUM(d2), SUM(c2), SUM(d1), SUM(c1) FROM (" + check.fromLines
                + " UNION ALL " + check.fromTable + ") x GROUP BY " + keys
                + " HAVING SUM(d1) <> SUM(d2) OR SUM(c1) <> SUM(c2) ORDER BY " + keys + " LIMIT "
                + (MAX_DIFFERENCES + 1);
        List<Difference> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, tenant.id());
            s.setLong(2, tenant.id());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new Difference(check.table, r.getString(1), r.getBigDecimal(2), r.getBigDecimal(3),
                            r.getBigDecimal(4), r.getBigDecimal(5)));
                }
            }
        }
        return found;
    }

    /**
     * Recomputes every maintained balance of the organisation from its posted lines, under the books' lock so no
     * posting interleaves, and verifies the result.
     */
    public Verification rebuild() {
        ledger.lockBooks();
        long org = tenant.id();
        try (Connection c = dataSource.getConnection()) {
            execute(c, "DELETE FROM period_balance WHERE org_id = ?", org);
            execute(c, "DELETE FROM day_balance WHERE org_id = ?", org);
            execute(c, "DELETE FROM analytic_balance WHERE org_id = ?", org);
            execute(c, "INSERT INTO period_balance (org_id, period_id, account_id, debit, credit) "
                    + "SELECT l.org_id, e.period_id, l.account_id, SUM(l.debit), SUM(l.credit) FROM journal_line l "
                    + "JOIN journal_entry e ON e.org_id = l.org_id AND e.id = l.entry_id WHERE l.org_id = ? "
                    + "GROUP BY l.org_id, e.period_id, l.account_id", org);
            execute(c,
                    "INSERT INTO day_balance (org_id, balance_date, account_id, debit, credit) "
                            + "SELECT org_id, entry_date, account_id, SUM(debit), SUM(credit) FROM journal_line "
                            + "WHERE org_id = ? GROUP BY org_id, entry_date, account_id",
                    org);
            execute(c,
                    "INSERT INTO analytic_balance (org_id, dimension, value_id, period_id, account_id, debit, credit) "
                            + "SELECT s.org_id, CASE WHEN s.project_id IS NOT NULL THEN 'PROJECT' "
                            + "WHEN s.grant_id IS NOT NULL THEN 'GRANT' WHEN s.activity IS NOT NULL THEN 'ACTIVITY' "
                            + "ELSE 'WORK_CENTRE' END dim, COALESCE(s.project_id, s.grant_id, s.work_centre_id, "
                            + "CASE s.activity WHEN 'OWN' THEN 1 ELSE 2 END) val, e.period_id, l.account_id, SUM(s.debit), "
                            + "SUM(s.credit) FROM line_allocation s JOIN journal_line l ON l.org_id = s.org_id "
                            + "AND l.entry_id = s.entry_id AND l.line_no = s.line_no JOIN journal_entry e "
                            + "ON e.org_id = s.org_id AND e.id = s.entry_id WHERE s.org_id = ? "
                            + "GROUP BY s.org_id, dim, val, e.period_id, l.account_id",
                    org);
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
        audit.record(org, "accounting.balances-rebuilt", "balances", String.valueOf(org), null);
        return verify();
    }

    private static void execute(Connection c, String sql, long org) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, org);
            s.executeUpdate();
        }
    }
}
