package coop.intercoop.hub.accounting.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.accounting.entity.EntryDraft;
import coop.intercoop.hub.accounting.entity.EntryDraft.EntryLine;
import coop.intercoop.hub.accounting.entity.FiscalYear;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * Year-end closing in one transaction: the regularisation entry (groups 6 and 7 into 129 Excedente del ejercicio), the
 * closing entry (every balance of groups 1 to 5 to zero) on the last day of the year, the opening entry (the same
 * balances back) on the first day of the next year, which is opened if it does not exist, and the year marked closed so
 * nothing more is posted in it. All three entries go through the {@link Ledger}, so locks and periods are enforced as
 * for any posting. Balances of groups 8 and 9 (income and expenses recognised in equity) must be transferred to their
 * subgroup 13 accounts by an entry first: the transfer depends on the item, so it is refused rather than guessed.
 */
@Dependent
public class YearEnd {

    /** Excedente del ejercicio. */
    public static final String SURPLUS = "129";

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Tenant tenant;

    @Inject
    Ledger ledger;

    @Inject
    FiscalYears fiscalYears;

    @Inject
    AuditTrail audit;

    /** The entries closing gave; an entry is null when there was nothing to move. */
    public record Closing(int year, Ledger.Posted regularisation, Ledger.Posted closing, Ledger.Posted opening) {
    }

    public Closing close(int year, Ledger.SoftLockOverride override) {
        ledger.lockBooks();
        FiscalYear fiscalYear = fiscalYears.all().stream().filter(f -> f.getYear() == year).findFirst()
                .orElseThrow(() -> new NotFoundException("fiscal year", String.valueOf(year)));
        long org = tenant.id();
        try (Connection c = dataSource.getConnection()) {
            if (isClosed(c, org, fiscalYear.getId())) {
                throw new AlreadyClosedException(year);
            }
            Map<String, BigDecimal> balances = balances(c, org, fiscalYear.getId());
            List<String> equityGroups = balances.keySet().stream()
                    .filter(code -> code.startsWith("8") || code.startsWith("9")).toList();
            if (!equityGroups.isEmpty()) {
                throw new EquityGroupsOpenException(year, equityGroups);
            }
            List<EntryLine> regularisation = new ArrayList<>();
            BigDecimal surplus = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> b : balances.entrySet()) {
                if (b.getKey().startsWith("6") || b.getKey().startsWith("7")) {
                    regularisation.add(closingLine(b.getKey(), b.getValue(), "Regularización"));
                    surplus = surplus.add(b.getValue());
                }
            }
            Ledger.Posted regularised = null;
            if (!regularisation.isEmpty()) {
                if (surplus.signum() != 0) {
                    regularisation.add(line(SURPLUS, surplus, "Excedente del ejercicio " + year));
                }
                regularised = ledger.post(new EntryDraft(fiscalYear.getEndDate(), Journal.CLOSING,
                        "Regularización del ejercicio " + year, null, regularisation), override);
                balances = balances(c, org, fiscalYear.getId());
            }
            List<EntryLine> closingLines = new ArrayList<>();
            List<EntryLine> openingLines = new ArrayList<>();
            for (Map.Entry<String, BigDecimal> b : balances.entrySet()) {
                closingLines.add(closingLine(b.getKey(), b.getValue(), "Cierre"));
                openingLines.add(line(b.getKey(), b.getValue(), "Apertura"));
            }
            Ledger.Posted closed = null;
            Ledger.Posted opened = null;
            FiscalYear next = fiscalYears.all().stream()
                    .filter(f -> f.getStartDate().equals(fiscalYear.getEndDate().plusDays(1))).findFirst()
                    .orElseGet(() -> fiscalYears.open(fiscalYear.getEndDate().plusDays(1).getYear(),
                            fiscalYear.getEndDate().plusDays(1)));
            if (closingLines.size() >= 2) {
                closed = ledger.post(new EntryDraft(fiscalYear.getEndDate(), Journal.CLOSING,
                        "Cierre del ejercicio " + year, null, closingLines), override);
                opened = ledger.post(new EntryDraft(next.getStartDate(), Journal.OPENING,
                        "Apertura del ejercicio " + next.getYear(), null, openingLines), override);
            }
            markClosed(c, org, fiscalYear.getId());
            audit.record(org, "accounting.fiscal-year-closed", "fiscal-year", String.valueOf(fiscalYear.getId()),
                    year + ": regularisation " + number(regularised) + ", closing " + number(closed) + ", opening "
                            + number(opened));
            return new Closing(year, regularised, closed, opened);
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    private static String number(Ledger.Posted posted) {
        return posted == null ? "none" : posted.number() + "/" + posted.fiscalYear();
    }

    /** The line that brings an account with balance {@code balance} (debit minus credit) to zero. */
    private static EntryLine closingLine(String account, BigDecimal balance, String text) {
        return line(account, balance.negate(), text);
    }

    /** A line moving {@code amount} to the account: a debit if positive, a credit if negative. */
    private static EntryLine line(String account, BigDecimal amount, String text) {
        return amount.signum() > 0 ? new EntryLine(account, amount, null, text)
                : new EntryLine(account, null, amount.negate(), text);
    }

    /** Balance (debit minus credit) per account code over the fiscal year, non-zero only, by code. */
    private static Map<String, BigDecimal> balances(Connection c, long org, long fiscalYearId) throws SQLException {
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        try (PreparedStatement s = c
                .prepareStatement("SELECT a.code, SUM(b.debit) - SUM(b.credit) FROM period_balance b "
                        + "JOIN period p ON p.org_id = b.org_id AND p.id = b.period_id "
                        + "JOIN account a ON a.org_id = b.org_id AND a.id = b.account_id "
                        + "WHERE b.org_id = ? AND p.fiscal_year_id = ? GROUP BY a.code "
                        + "HAVING SUM(b.debit) <> SUM(b.credit) ORDER BY a.code")) {
            s.setLong(1, org);
            s.setLong(2, fiscalYearId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    balances.put(r.getString(1), r.getBigDecimal(2));
                }
            }
        }
        return balances;
    }

    private static boolean isClosed(Connection c, long org, long fiscalYearId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT closed_at IS NOT NULL FROM fiscal_year WHERE org_id = ? AND id = ? FOR UPDATE")) {
            s.setLong(1, org);
            s.setLong(2, fiscalYearId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private static void markClosed(Connection c, long org, long fiscalYearId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE fiscal_year SET closed_at = CURRENT_TIMESTAMP(6), "
                + "version = version + 1 WHERE org_id = ? AND id = ?")) {
            s.setLong(1, org);
            s.setLong(2, fiscalYearId);
            s.executeUpdate();
        }
    }

    public static class AlreadyClosedException extends HubException {
        private static final long serialVersionUID = 1L;

        public AlreadyClosedException(int year) {
            super(Kind.CONFLICT, "year", "The fiscal year " + year + " is already closed.");
        }
    }

    public static class EquityGroupsOpenException extends HubException {
        private static final long serialVersionUID = 1L;

        public EquityGroupsOpenException(int year, List<String> accounts) {
            super(Kind.CONFLICT, "year",
                    "The fiscal year " + year + " still has balances in groups 8 and 9 ("
                            + String.join(", ", accounts.subList(0, Math.min(10, accounts.size())))
                            + "); transfer them to their subgroup 13 accounts with an entry before closing.");
        }
    }
}
