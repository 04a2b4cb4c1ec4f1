package coop.intercoop.hub.accounting.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.accounting.entity.ChartOfAccounts;
import coop.intercoop.hub.accounting.entity.EntryDraft;
import coop.intercoop.hub.accounting.entity.EntryDraft.EntryLine;
import coop.intercoop.hub.accounting.entity.FiscalYear;
import coop.intercoop.hub.accounting.entity.InvalidEntryException;
import coop.intercoop.hub.accounting.entity.EquityTransfers;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * Year-end closing in one transaction: the transfer entry (every balance of groups 8 and 9, income and expenses
 * recognised in equity, to the subgroup 13 account, or for actuarial gains and losses the reserve 115, that the
 * {@link ClosingRules} of the organisation's chart template name), the regularisation entry (groups 6 and 7 into 129
 * Excedente del ejercicio), the closing entry (every remaining balance, groups 1 to 5, to zero) on the last day of the
 * year, the opening entry (the same balances back) on the first day of the next year, which is opened if it does not
 * exist, and the year marked closed so nothing more is posted in it. Every entry goes through the {@link Ledger}, so
 * locks, numbering and the hash chain apply as for any posting. A balance of groups 8 and 9 the rules cannot place (no
 * rule, a counterpart left to the item, a counterpart divided into subaccounts none of which matches) refuses the whole
 * closing, naming the account, rather than guess.
 */
@Dependent
public class YearEnd {

    /** The ledger's field and message prefix for a line's account: {@code lines[0].account}, "Line 1: ". */
    private static final Pattern LINE_ACCOUNT = Pattern.compile("lines\\[(\\d+)\\]\\.account");

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

    @Inject
    Accounts accounts;

    @Inject
    ClosingRules closingRules;

    /** The entries closing gave; an entry is null when there was nothing to move. */
    public record Closing(int year, Ledger.Posted transfer, Ledger.Posted regularisation, Ledger.Posted closing,
            Ledger.Posted opening) {
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
            Ledger.Posted transferred = transferEquityGroups(c, org, fiscalYear, balances, override);
            if (transferred != null) {
                balances = balances(c, org, fiscalYear.getId());
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
                regularised = post(year, new EntryDraft(fiscalYear.getEndDate(), Journal.CLOSING,
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
                closed = post(year, new EntryDraft(fiscalYear.getEndDate(), Journal.CLOSING,
                        "Cierre del ejercicio " + year, null, closingLines), override);
                opened = post(year, new EntryDraft(next.getStartDate(), Journal.OPENING,
                        "Apertura del ejercicio " + next.getYear(), null, openingLines), override);
            }
            fiscalYears.close(fiscalYear.getId());
            audit.record(org, "accounting.fiscal-year-closed", "fiscal-year", String.valueOf(fiscalYear.getId()),
                    year + ": transfer of groups 8 and 9 " + number(transferred) + ", regularisation "
                            + number(regularised) + ", closing " + number(closed) + ", opening " + number(opened));
            return new Closing(year, transferred, regularised, closed, opened);
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    /**
     * Posts the transfer of every balance of groups 8 and 9 to its counterpart (subgroup 13, or 115 for subgroups 85
     * and 95), dated the last day of the year in the closing journal (so the reports of the year, which leave the
     * year-end entries out, still show groups 8 and 9 as recognised).
     *
     * @return the entry, or null when groups 8 and 9 have no balance
     *
     * @throws EquityGroupsOpenException
     *             naming every balance the rules cannot place
     */
    private Ledger.Posted transferEquityGroups(Connection c, long org, FiscalYear fiscalYear,
            Map<String, BigDecimal> balances, Ledger.SoftLockOverride override) throws SQLException {
        Map<String, BigDecimal> equityGroups = new LinkedHashMap<>();
        balances.forEach((code, balance) -> {
            if (code.startsWith("8") || code.startsWith("9")) {
                equityGroups.put(code, balance);
            }
        });
        if (equityGroups.isEmpty()) {
            return null;
        }
        String template = accounts.chart().map(ChartOfAccounts::getTemplate).orElse(null);
        EquityTransfers rules = closingRules.read(template);
        Set<String> equityAccounts = postingAccounts(c, org, "13");
        equityAccounts.addAll(postingAccounts(c, org, "115"));
        List<EntryLine> lines = new ArrayList<>();
        Map<String, BigDecimal> counterparts = new TreeMap<>();
        List<HubTexts.Text> refusals = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> b : equityGroups.entrySet()) {
            EquityTransfers.Transfer transfer = rules.transferOf(b.getKey(), equityAccounts);
            if (transfer.refused()) {
                refusals.add(transfer.refusal());
            } else {
                lines.add(closingLine(b.getKey(), b.getValue(), "Traspaso al patrimonio neto"));
                counterparts.merge(transfer.counterpart(), b.getValue(), BigDecimal::add);
            }
        }
        if (!refusals.isEmpty()) {
            throw new EquityGroupsOpenException(fiscalYear.getYear(), refusals);
        }
        counterparts.forEach((code, amount) -> {
            if (amount.signum() != 0) {
                lines.add(line(code, amount, "Traspaso de los grupos 8 y 9"));
            }
        });
        return post(fiscalYear.getYear(),
                new EntryDraft(fiscalYear.getEndDate(), Journal.CLOSING,
                        "Traspaso de ingresos y gastos imputados al patrimonio neto, ejercicio " + fiscalYear.getYear(),
                        null, lines),
                override);
    }

    /**
     * Posts one of the closing entries. The person closing sent no lines, so a line the ledger refuses is named by its
     * account, not by a line number of an entry they never saw.
     */
    private Ledger.Posted post(int year, EntryDraft entry, Ledger.SoftLockOverride override) {
        try {
            return ledger.post(entry, override);
        } catch (InvalidEntryException refused) {
            Matcher line = LINE_ACCOUNT.matcher(refused.field() == null ? "" : refused.field());
            if (!line.matches()) {
                throw refused;
            }
            String account = entry.getLines().get(Integer.parseInt(line.group(1))).getAccount();
            throw new ClosingRefusedException(year, account, refused);
        }
    }

    /** The organisation's posting accounts whose code starts with {@code prefix}. */
    private static Set<String> postingAccounts(Connection c, long org, String prefix) throws SQLException {
        Set<String> codes = new HashSet<>();
        try (PreparedStatement s = c
                .prepareStatement("SELECT code FROM account WHERE org_id = ? AND code LIKE ? AND kind = 'POSTING'")) {
            s.setLong(1, org);
            s.setString(2, prefix + "%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    codes.add(r.getString(1));
                }
            }
        }
        return codes;
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

    public static class AlreadyClosedException extends HubException {
        private static final long serialVersionUID = 1L;

        public AlreadyClosedException(int year) {
            super(Kind.CONFLICT, "year", "year.closed.already", new Object[] { year });
        }
    }

    /**
     * An account whose balance the closing entries cannot move, e.g. one that became a heading after it was posted to.
     */
    public static class ClosingRefusedException extends HubException {
        private static final long serialVersionUID = 1L;

        /** The ledger refused a closing line to {@code account}: it is unknown or a heading now. */
        public ClosingRefusedException(int year, String account, InvalidEntryException refused) {
            super(Kind.CONFLICT, "year",
                    "line.account.heading".equals(refused.key()) ? "year.close.heading" : "year.close.account",
                    new Object[] { year, account });
        }
    }

    /** Balances of groups 8 and 9 the closing rules cannot transfer to subgroup 13. */
    public static class EquityGroupsOpenException extends HubException {
        private static final long serialVersionUID = 1L;

        public EquityGroupsOpenException(int year, List<HubTexts.Text> refusals) {
            super(Kind.CONFLICT, "year", refusals.size() > 10 ? "year.close.transfers.more" : "year.close.transfers",
                    new Object[] { year, List.copyOf(refusals.subList(0, Math.min(10, refusals.size()))),
                            refusals.size() - 10 });
        }
    }
}
