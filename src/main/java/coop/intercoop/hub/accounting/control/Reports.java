package coop.intercoop.hub.accounting.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.accounting.control.Entries.EntryView;
import coop.intercoop.hub.accounting.entity.Dimension;
import coop.intercoop.hub.accounting.entity.InvalidReportException;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.accounting.entity.Movement;
import coop.intercoop.hub.accounting.entity.ReportLevel;
import coop.intercoop.hub.accounting.entity.Statement;
import coop.intercoop.hub.accounting.entity.TrialBalance;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The books' reports: trial balance, general ledger, journal, balance sheet and results account (abbreviated ESFL
 * models of {@link StatementModels}), grant execution, and a trial balance consolidated over several organisations.
 * <p>
 * Sums come from the balances posting maintains (DESIGN rule 7), never from scanning lines: the whole periods of a
 * range from {@code period_balance}, its loose days from {@code day_balance}, grants from {@code analytic_balance}.
 * Lines are read only for a ledger page, within one account's range of the index {@code ix_journal_line_ledger}, and
 * for a journal page, by entry. Every statement names the organisation explicitly (DESIGN rule 1).
 */
@Dependent
public class Reports {

    /** The most lines of a ledger page. */
    public static final int MAX_PAGE = 1000;
    /** Rows a streamed read (an export) fetches from the database at a time. */
    static final int STREAMED_ROWS = 1000;
    /** Entries a streamed journal reads at a time, with their lines. */
    private static final int JOURNAL_BATCH = 500;

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Tenant tenant;

    @Inject
    Entries entries;

    @Inject
    StatementModels models;

    /**
     * The accounts, by prefix, on which a grant's own recognition is posted (subsidies in equity, their transfer and
     * their imputation to the surplus: subgroups 13, 74, 84 and 94 of the PGC charts): income of the grant shared to
     * it, which grant execution shows apart from spending.
     */
    @Inject
    @ConfigProperty(name = "hub.grants.income-accounts", defaultValue = "13,74,84,94")
    List<String> grantIncomeAccounts;

    // ---- trial balance

    /**
     * The trial balance at {@code date}: movements from the first day of its fiscal year to the date, without the
     * entries {@code excluded} names. The closing entries are those of the year's last day, so they are left out only
     * at that date, the same entries {@link #balanceSheet} leaves out there; the opening entry is that of the year's
     * first day.
     *
     * @throws FiscalYears.DateOutsideFiscalYearsException
     *             if no fiscal year of the organisation contains the date
     */
    public TrialBalance trialBalance(LocalDate date, ReportLevel level, TrialBalance.Excluded excluded) {
        long org = tenant.id();
        try (Connection c = dataSource.getConnection()) {
            Year year = yearOf(c, org, date);
            Chart chart = chart(c, org);
            Map<Long, Movement> movements = movements(c, org, year.start, date, null);
            if (excluded.closing() && date.equals(year.end)) {
                leaveOut(c, org, year.end, Journal.CLOSING, movements);
            }
            if (excluded.opening()) {
                leaveOut(c, org, year.start, Journal.OPENING, movements);
            }
            return TrialBalance.of(date, year.start, level, excluded, chart.byCode(movements), chart::nameOf);
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    /**
     * A trial balance summed over several organisations, per account code.
     *
     * @param periods
     *            the range each organisation's figures cover, in the order of {@code organisations}
     */
    public record Consolidated(LocalDate date, String level, List<Long> organisations, List<Span> periods,
            List<TrialBalance.Row> rows, TrialBalance.Totals totals) {
    }

    /** The range of one organisation's figures in a consolidated report: its fiscal year's first day to the date. */
    public record Span(long organisation, LocalDate from, LocalDate to) {
    }

    /**
     * The trial balance at {@code date} of each organisation, summed per account code at the level. Each organisation's
     * balances are read with its own predicate, from the first day of its own fiscal year containing the date. A row is
     * labelled by {@link #consolidatedName}, never with the name one organisation happens to give it.
     *
     * @param checkedOrganisations
     *            organisations whose books the caller was found entitled to read; never ids taken from a request as
     *            they are
     *
     * @throws InvalidReportException
     *             naming the organisation that has no fiscal year containing the date
     */
    public Consolidated consolidatedTrialBalance(Collection<Long> checkedOrganisations, LocalDate date,
            ReportLevel level) {
        Map<String, Movement> byCode = new HashMap<>();
        Map<String, Set<String>> names = new HashMap<>();
        Set<String> templateCodes = new HashSet<>();
        List<Span> periods = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (long org : checkedOrganisations) {
                Year year;
                try {
                    year = yearOf(c, org, date);
                } catch (FiscalYears.DateOutsideFiscalYearsException e) {
                    throw new InvalidReportException("date", "report.orgs.no-year", org, date);
                }
                periods.add(new Span(org, year.start, date));
                Chart chart = chart(c, org);
                chart.byCode(movements(c, org, year.start, date, null)).forEach((code, m) -> {
                    byCode.merge(code, m, Movement::plus);
                    // the row's own code, and every account above it, for the label of a subaccount
                    for (int length = 1; length <= code.length(); length++) {
                        String above = code.substring(0, length);
                        String name = chart.nameOf(above);
                        if (name != null) {
                            names.computeIfAbsent(above, k -> new TreeSet<>()).add(name);
                            if (chart.fromTemplate().contains(above)) {
                                templateCodes.add(above);
                            }
                        }
                    }
                });
            }
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
        TrialBalance summed = TrialBalance.of(date, date, level, byCode,
                code -> consolidatedName(code, names, templateCodes));
        return new Consolidated(date, level.code(), List.copyOf(checkedOrganisations), List.copyOf(periods),
                summed.rows(), summed.totals());
    }

    /**
     * The label of a code summed over several organisations. An account of the chart templates bears the template's
     * name (accounts of a template are never renamed); organisations whose charts come from templates that name it
     * differently get every name, joined by " / ". An organisation's own subaccount bears the name the organisations
     * give it when they all give the same one; when they do not, no organisation's name is picked: the label names the
     * account it divides, e.g. "Subcuenta de 572 Bancos e instituciones de crédito c/c vista, euros (nombre distinto en
     * cada organización)".
     *
     * @param names
     *            per code, the names the organisations give it
     * @param templateCodes
     *            the codes that are accounts of a template in one organisation at least
     *
     * @return null if no organisation has the code
     */
    static String consolidatedName(String code, Map<String, Set<String>> names, Set<String> templateCodes) {
        Set<String> given = names.getOrDefault(code, Set.of());
        if (given.size() <= 1 || templateCodes.contains(code)) {
            return given.isEmpty() ? null : String.join(" / ", given);
        }
        for (int length = code.length() - 1; length > 0; length--) {
            String above = code.substring(0, length);
            if (names.containsKey(above)) {
                return "Subcuenta de " + above + " " + String.join(" / ", names.get(above))
                        + " (nombre distinto en cada organización)";
            }
        }
        return "Subcuenta con nombre distinto en cada organización";
    }

    // ---- general ledger

    /** A line of the general ledger, with the balance after it (debit minus credit). */
    public record LedgerLine(long entryId, int number, LocalDate date, Journal journal, String description,
            String account, String text, BigDecimal debit, BigDecimal credit, BigDecimal balance) {
    }

    /**
     * A page of the general ledger (libro mayor) of an account, or of every account under a heading.
     *
     * @param opening
     *            the balance (debit minus credit) before {@code from}, since the start of its fiscal year
     * @param total
     *            how many lines the range has
     * @param debit
     *            the range's debits
     * @param closing
     *            the balance at {@code to}
     */
    public record LedgerPage(String account, String name, LocalDate from, LocalDate to, BigDecimal opening, long total,
            BigDecimal debit, BigDecimal credit, List<LedgerLine> lines, BigDecimal closing) {
    }

    /**
     * A page of the ledger; each line's balance includes the lines of the pages before.
     *
     * @param code
     *            a posting account, or a heading for all the accounts whose code starts with it
     *
     * @throws NotFoundException
     *             if the organisation has no account with that code
     */
    public LedgerPage ledger(String code, LocalDate from, LocalDate to, int first, int max) {
        if (first < 0 || max < 1 || max > MAX_PAGE) {
            throw new InvalidReportException("max", "page.range", MAX_PAGE);
        }
        return ledger(code, from, to, first, max, null);
    }

    /**
     * The whole ledger of the range, each line handed to {@code each} as it is read from a streamed result set (never
     * held as a list, whatever the number of lines); the answer carries the figures, the number of lines handed over as
     * its total, and no lines.
     */
    public LedgerPage ledger(String code, LocalDate from, LocalDate to, Consumer<LedgerLine> each) {
        return ledger(code, from, to, 0, null, each);
    }

    private LedgerPage ledger(String code, LocalDate from, LocalDate to, int first, Integer max,
            Consumer<LedgerLine> each) {
        requireRange(from, to);
        String prefix = code == null ? "" : code.strip();
        if (!prefix.matches("[1-9][0-9]{0,11}")) {
            throw new InvalidReportException("account", "report.account");
        }
        long org = tenant.id();
        try (Connection c = dataSource.getConnection()) {
            String name = null;
            List<Long> ids = new ArrayList<>();
            Map<Long, String> codes = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, code, name, kind FROM account WHERE org_id = ? AND code LIKE ? ORDER BY code")) {
                s.setLong(1, org);
                s.setString(2, prefix + "%");
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (r.getString(2).equals(prefix)) {
                            name = r.getString(3);
                        }
                        if ("POSTING".equals(r.getString(4))) {
                            ids.add(r.getLong(1));
                            codes.put(r.getLong(1), r.getString(2));
                        }
                    }
                }
            }
            if (name == null) {
                throw new NotFoundException("account", prefix);
            }
            Year year = yearOf(c, org, from);
            BigDecimal opening = from.equals(year.start) ? BigDecimal.ZERO.setScale(2)
                    : sum(movements(c, org, year.start, from.minusDays(1), ids)).net();
            Movement range = sum(movements(c, org, from, to, ids));
            BigDecimal closing = opening.add(range.net());
            if (ids.isEmpty()) {
                return new LedgerPage(prefix, name, from, to, opening, 0, range.debit(), range.credit(), List.of(),
                        closing);
            }
            String in = Ledger.placeholders(ids.size());
            String where = " WHERE l.org_id = ? AND l.account_id IN (" + in + ") AND l.entry_date BETWEEN ? AND ?";
            long total = 0;
            if (each == null) {
                try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM journal_line l" + where)) {
                    bindRange(s, org, ids, from, to);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        total = r.getLong(1);
                    }
                }
            }
            BigDecimal balance = opening;
            if (first > 0) {
                try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(x.debit), 0), "
                        + "COALESCE(SUM(x.credit), 0) FROM (SELECT l.debit, l.credit FROM journal_line l "
                        + "FORCE INDEX (ix_journal_line_ledger)" + where
                        + " ORDER BY l.entry_date, l.entry_id, l.line_no LIMIT ?) x")) {
                    int p = bindRange(s, org, ids, from, to);
                    s.setInt(p, first);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        balance = balance.add(r.getBigDecimal(1)).subtract(r.getBigDecimal(2));
                    }
                }
            }
            List<LedgerLine> lines = new ArrayList<>();
            // the accounts' codes are known: one lookup less per line
            try (PreparedStatement s = c.prepareStatement("SELECT l.entry_id, e.entry_no, l.entry_date, e.journal, "
                    + "e.description, l.account_id, l.text, l.debit, l.credit FROM journal_line l "
                    + "FORCE INDEX (ix_journal_line_ledger) "
                    + "JOIN journal_entry e ON e.org_id = l.org_id AND e.id = l.entry_id" + where
                    + " ORDER BY l.entry_date, l.entry_id, l.line_no" + (max == null ? "" : " LIMIT ? OFFSET ?"))) {
                int p = bindRange(s, org, ids, from, to);
                if (max != null) {
                    s.setInt(p++, max);
                    s.setInt(p, first);
                } else {
                    s.setFetchSize(STREAMED_ROWS);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        BigDecimal debit = r.getBigDecimal(8);
                        BigDecimal credit = r.getBigDecimal(9);
                        balance = balance.add(debit).subtract(credit);
                        LedgerLine line = new LedgerLine(r.getLong(1), r.getInt(2), r.getDate(3).toLocalDate(),
                                Journal.valueOf(r.getString(4)), r.getString(5), codes.get(r.getLong(6)),
                                r.getString(7), debit, credit, balance);
                        if (each == null) {
                            lines.add(line);
                        } else {
                            each.accept(line);
                            total++;
                        }
                    }
                }
            }
            return new LedgerPage(prefix, name, from, to, opening, total, range.debit(), range.credit(), lines,
                    closing);
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    private static int bindRange(PreparedStatement s, long org, List<Long> ids, LocalDate from, LocalDate to)
            throws SQLException {
        int p = 1;
        s.setLong(p++, org);
        for (long id : ids) {
            s.setLong(p++, id);
        }
        s.setDate(p++, Date.valueOf(from));
        s.setDate(p++, Date.valueOf(to));
        return p;
    }

    // ---- journal

    /** A page of the journal (libro diario): entries by date and number, each with its lines. */
    public record JournalPage(LocalDate from, LocalDate to, long total, List<EntryView> entries) {
    }

    /**
     * @param max
     *            at most {@value Entries#MAX_PAGE}
     */
    public JournalPage journal(LocalDate from, LocalDate to, int first, int max) {
        requireRange(from, to);
        Entries.Page page = entries.list(new Entries.Filter(from, to, null, null, null), first, max);
        return new JournalPage(from, to, page.total(), entries.withLines(page.entries()));
    }

    /** A line of the journal with its entry's heading, as the journal's export lists it. */
    public record JournalLine(int number, LocalDate date, Journal journal, String description, String document,
            int line, String account, String accountName, BigDecimal debit, BigDecimal credit, String text) {
    }

    /**
     * The whole journal of the range, each line handed to {@code each} in the journal's legal order (date; within a
     * date the opening entry first, then by posting number, the year-end entries last; then line), each entry with its
     * legal number ({@link Legalisation}). Entries are read {@value #JOURNAL_BATCH} at a time after the last one read
     * (keyset paging on the index {@code ix_journal_entry_legal}), and the lines of each batch by the lines' primary
     * key, so no result is ever held whole and no page costs more than the one before.
     *
     * @return how many lines were handed over
     */
    public long journal(LocalDate from, LocalDate to, Consumer<JournalLine> each) {
        requireRange(from, to);
        long org = tenant.id();
        long count = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement heads = c.prepareStatement("SELECT e.id, e.entry_no, e.entry_date, e.journal, "
                        + "e.description, e.document_ref, e.day_rank, " + Legalisation.legalNumber("e")
                        + " FROM journal_entry e FORCE INDEX (ix_journal_entry_legal) "
                        + "WHERE e.org_id = ? AND e.entry_date <= ? AND (e.entry_date > ? OR (e.entry_date = ? "
                        + "AND (e.day_rank > ? OR (e.day_rank = ? AND e.entry_no > ?)))) "
                        + "ORDER BY e.entry_date, e.day_rank, e.entry_no LIMIT " + JOURNAL_BATCH)) {
            // the position after the last entry read; at first, after every entry of the day before 'from'
            LocalDate afterDate = from.minusDays(1);
            int afterRank = Integer.MAX_VALUE;
            int afterNumber = Integer.MAX_VALUE;
            while (true) {
                Map<Long, JournalLine> batch = new LinkedHashMap<>();
                heads.setLong(1, org);
                heads.setDate(2, Date.valueOf(to));
                heads.setDate(3, Date.valueOf(afterDate));
                heads.setDate(4, Date.valueOf(afterDate));
                heads.setInt(5, afterRank);
                heads.setInt(6, afterRank);
                heads.setInt(7, afterNumber);
                try (ResultSet r = heads.executeQuery()) {
                    while (r.next()) {
                        afterDate = r.getDate(3).toLocalDate();
                        afterNumber = r.getInt(2);
                        afterRank = r.getInt(7);
                        batch.put(r.getLong(1), new JournalLine(r.getInt(8), afterDate, Journal.valueOf(r.getString(4)),
                                r.getString(5), r.getString(6), 0, null, null, null, null, null));
                    }
                }
                if (batch.isEmpty()) {
                    return count;
                }
                count += journalLines(c, org, batch, each);
                if (batch.size() < JOURNAL_BATCH) {
                    return count;
                }
            }
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    /** Hands over the lines of a batch of entries in the batch's order. */
    private static long journalLines(Connection c, long org, Map<Long, JournalLine> batch, Consumer<JournalLine> each)
            throws SQLException {
        long count = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT l.entry_id, l.line_no, a.code, a.name, l.debit, "
                + "l.credit, l.text FROM journal_line l JOIN account a ON a.org_id = l.org_id AND a.id = l.account_id "
                + "WHERE l.org_id = ? AND l.entry_id IN (" + Ledger.placeholders(batch.size()) + ") "
                + "ORDER BY l.entry_id, l.line_no")) {
            int p = 1;
            s.setLong(p++, org);
            for (long id : batch.keySet()) {
                s.setLong(p++, id);
            }
            Map<Long, List<JournalLine>> lines = new HashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    JournalLine head = batch.get(r.getLong(1));
                    lines.computeIfAbsent(r.getLong(1), k -> new ArrayList<>())
                            .add(new JournalLine(head.number(), head.date(), head.journal(), head.description(),
                                    head.document(), r.getInt(2), r.getString(3), r.getString(4), r.getBigDecimal(5),
                                    r.getBigDecimal(6), r.getString(7)));
                }
            }
            for (long id : batch.keySet()) {
                for (JournalLine line : lines.getOrDefault(id, List.of())) {
                    each.accept(line);
                    count++;
                }
            }
        }
        return count;
    }

    // ---- statements

    /** A financial statement drawn up from the books: every line of the model with its amount. */
    public record StatementReport(String model, LocalDate from, LocalDate to, List<Statement.Amount> lines) {
    }

    /**
     * The balance sheet at {@code date}, abbreviated ESFL model. The year's surplus (groups 6 and 7 net) is shown in
     * equity until the year is closed; the closing journal's entries of the year-end (transfer of groups 8 and 9,
     * regularisation and closing) are left out, so the balance sheet at the year-end date shows the year as it closes
     * rather than all zeros.
     *
     * @throws FiscalYears.DateOutsideFiscalYearsException
     *             if no fiscal year of the organisation contains the date
     */
    public StatementReport balanceSheet(LocalDate date) {
        long org = tenant.id();
        try (Connection c = dataSource.getConnection()) {
            Year year = yearOf(c, org, date);
            Map<Long, Movement> movements = movements(c, org, year.start, date, null);
            if (date.equals(year.end)) {
                leaveOut(c, org, year.end, Journal.CLOSING, movements);
            }
            Statement model = models.read(StatementModels.BALANCE_SHEET);
            return new StatementReport(model.name(), year.start, date, model.evaluate(chart(c, org).byCode(movements)));
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    /**
     * The results account between two dates, abbreviated ESFL model: the year's own movements, so the year-end entries
     * of a year ending in the range (transfer of groups 8 and 9, regularisation and closing, which would zero every
     * income and expense account and move groups 8 and 9 into subgroup 13) and the opening entry of a year starting in
     * it (last year's balances, not a change of equity) are left out.
     */
    public StatementReport results(LocalDate from, LocalDate to) {
        requireRange(from, to);
        long org = tenant.id();
        try (Connection c = dataSource.getConnection()) {
            Map<Long, Movement> movements = movements(c, org, from, to, null);
            List<LocalDate> ends = new ArrayList<>();
            List<LocalDate> starts = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT start_date, end_date FROM fiscal_year "
                    + "WHERE org_id = ? AND (end_date BETWEEN ? AND ? OR start_date BETWEEN ? AND ?)")) {
                s.setLong(1, org);
                s.setDate(2, Date.valueOf(from));
                s.setDate(3, Date.valueOf(to));
                s.setDate(4, Date.valueOf(from));
                s.setDate(5, Date.valueOf(to));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        LocalDate start = r.getDate(1).toLocalDate();
                        LocalDate end = r.getDate(2).toLocalDate();
                        if (!start.isBefore(from) && !start.isAfter(to)) {
                            starts.add(start);
                        }
                        if (!end.isBefore(from) && !end.isAfter(to)) {
                            ends.add(end);
                        }
                    }
                }
            }
            for (LocalDate end : ends) {
                leaveOut(c, org, end, Journal.CLOSING, movements);
            }
            for (LocalDate start : starts) {
                leaveOut(c, org, start, Journal.OPENING, movements);
            }
            Statement model = models.read(StatementModels.RESULTS);
            return new StatementReport(model.name(), from, to, model.evaluate(chart(c, org).byCode(movements)));
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    /** Subtracts one day's entries of one journal, read by the entry-date index. */
    private static void leaveOut(Connection c, long org, LocalDate day, Journal journal, Map<Long, Movement> movements)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT l.account_id, SUM(l.debit), SUM(l.credit) "
                + "FROM journal_entry e JOIN journal_line l ON l.org_id = e.org_id AND l.entry_id = e.id "
                + "WHERE e.org_id = ? AND e.entry_date = ? AND e.journal = ? GROUP BY l.account_id")) {
            s.setLong(1, org);
            s.setDate(2, Date.valueOf(day));
            s.setString(3, journal.name());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    movements.merge(r.getLong(1),
                            new Movement(r.getBigDecimal(2).negate(), r.getBigDecimal(3).negate()), Movement::plus);
                }
            }
        }
    }

    // ---- grant execution

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
            Chart chart = chart(c, org);
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

    // ---- maintained balances

    private record Year(LocalDate start, LocalDate end) {
    }

    private static Year yearOf(Connection c, long org, LocalDate date) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT start_date, end_date FROM fiscal_year "
                + "WHERE org_id = ? AND start_date <= ? AND end_date >= ?")) {
            s.setLong(1, org);
            s.setDate(2, Date.valueOf(date));
            s.setDate(3, Date.valueOf(date));
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new FiscalYears.DateOutsideFiscalYearsException(date);
                }
                return new Year(r.getDate(1).toLocalDate(), r.getDate(2).toLocalDate());
            }
        }
    }

    /**
     * The movements of each account between two dates (both included), from the maintained balances: the periods wholly
     * inside the range from {@code period_balance}, the days of periods it cuts from {@code day_balance}.
     *
     * @param accounts
     *            only these accounts (ids), read by the balances' primary keys; null for all
     */
    static Map<Long, Movement> movements(Connection c, long org, LocalDate from, LocalDate to, List<Long> accounts)
            throws SQLException {
        Map<Long, Movement> movements = new HashMap<>();
        if (from.isAfter(to) || (accounts != null && accounts.isEmpty())) {
            return movements;
        }
        List<PeriodSpan> periods = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, start_date, end_date FROM period WHERE org_id = ? AND start_date <= ? AND end_date >= ?")) {
            s.setLong(1, org);
            s.setDate(2, Date.valueOf(to));
            s.setDate(3, Date.valueOf(from));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    periods.add(new PeriodSpan(r.getLong(1), r.getDate(2).toLocalDate(), r.getDate(3).toLocalDate()));
                }
            }
        }
        Cover cover = cover(periods, from, to);
        List<Long> whole = cover.wholePeriods();
        String only = accounts == null ? "" : " AND b.account_id IN (" + Ledger.placeholders(accounts.size()) + ")";
        if (!whole.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("SELECT b.account_id, SUM(b.debit), SUM(b.credit) "
                    + "FROM period_balance b WHERE b.org_id = ? AND b.period_id IN ("
                    + Ledger.placeholders(whole.size()) + ")" + only + " GROUP BY b.account_id")) {
                int p = 1;
                s.setLong(p++, org);
                for (long period : whole) {
                    s.setLong(p++, period);
                }
                bindAccounts(s, p, accounts);
                read(s, movements);
            }
        }
        for (Days range : cover.days()) {
            try (PreparedStatement s = c.prepareStatement("SELECT b.account_id, SUM(b.debit), SUM(b.credit) "
                    + "FROM day_balance b WHERE b.org_id = ? AND b.balance_date BETWEEN ? AND ?" + only
                    + " GROUP BY b.account_id")) {
                int p = 1;
                s.setLong(p++, org);
                s.setDate(p++, Date.valueOf(range.from()));
                s.setDate(p++, Date.valueOf(range.to()));
                bindAccounts(s, p, accounts);
                read(s, movements);
            }
        }
        return movements;
    }

    /** A period of a fiscal year. */
    record PeriodSpan(long id, LocalDate start, LocalDate end) {
    }

    /** Consecutive days, both included. */
    record Days(LocalDate from, LocalDate to) {
    }

    /** How a range of dates is read: whole periods from period_balance, the days of cut periods from day_balance. */
    record Cover(List<Long> wholePeriods, List<Days> days) {
    }

    /**
     * Splits a range into the periods it covers whole and the days of the periods it cuts.
     *
     * @param periods
     *            the periods that share a day with the range
     */
    static Cover cover(List<PeriodSpan> periods, LocalDate from, LocalDate to) {
        List<Long> whole = new ArrayList<>();
        List<Days> days = new ArrayList<>();
        for (PeriodSpan period : periods) {
            if (!period.start().isBefore(from) && !period.end().isAfter(to)) {
                whole.add(period.id());
            } else {
                days.add(new Days(period.start().isBefore(from) ? from : period.start(),
                        period.end().isAfter(to) ? to : period.end()));
            }
        }
        return new Cover(whole, days);
    }

    private static void bindAccounts(PreparedStatement s, int from, List<Long> accounts) throws SQLException {
        if (accounts != null) {
            int p = from;
            for (long id : accounts) {
                s.setLong(p++, id);
            }
        }
    }

    private static void read(PreparedStatement s, Map<Long, Movement> movements) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                movements.merge(r.getLong(1), new Movement(r.getBigDecimal(2), r.getBigDecimal(3)), Movement::plus);
            }
        }
    }

    private static Movement sum(Map<Long, Movement> movements) {
        return movements.values().stream()
                .reduce(new Movement(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)), Movement::plus);
    }

    private static void requireRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidReportException("to", "report.range", from, to);
        }
    }

    /** The organisation's accounts: codes by id, names by code, and the codes its chart's template gave it. */
    private record Chart(Map<Long, String> codes, Map<String, String> names, Set<String> fromTemplate) {
        String nameOf(String code) {
            return names.get(code);
        }

        Map<String, Movement> byCode(Map<Long, Movement> byId) {
            Map<String, Movement> byCode = new HashMap<>();
            byId.forEach((id, m) -> byCode.merge(codes.get(id), m, Movement::plus));
            return byCode;
        }
    }

    private static Chart chart(Connection c, long org) throws SQLException {
        Map<Long, String> codes = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Set<String> fromTemplate = new HashSet<>();
        try (PreparedStatement s = c
                .prepareStatement("SELECT id, code, name, from_template FROM account WHERE org_id = ?")) {
            s.setLong(1, org);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    codes.put(r.getLong(1), r.getString(2));
                    names.put(r.getString(2), r.getString(3));
                    if (r.getBoolean(4)) {
                        fromTemplate.add(r.getString(2));
                    }
                }
            }
        }
        return new Chart(codes, names, fromTemplate);
    }
}
