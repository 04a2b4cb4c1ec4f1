package coop.intercoop.hub.accounting.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.platform.Jdbc;
import coop.intercoop.hub.accounting.control.Entries.EntryView;
import coop.intercoop.hub.accounting.entity.InvalidReportException;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.accounting.entity.Movement;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The legal books as reports: the journal (libro diario) and the general ledger (libro mayor) of a range of dates, a
 * page at a time for the screen or streamed whole for an export. Lines are read only within one account's range of the
 * index {@code ix_journal_line_ledger} for a ledger, and by entry for a journal; opening balances come from the
 * maintained balances ({@link BalanceReads}).
 */
@Dependent
public class JournalAndLedger {

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
        BalanceReads.requireRange(from, to);
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
            BalanceReads.Year year = BalanceReads.yearOf(c, org, from);
            BigDecimal opening = from.equals(year.start()) ? BigDecimal.ZERO.setScale(2)
                    : BalanceReads.sum(BalanceReads.movements(c, org, year.start(), from.minusDays(1), ids)).net();
            Movement range = BalanceReads.sum(BalanceReads.movements(c, org, from, to, ids));
            BigDecimal closing = opening.add(range.net());
            if (ids.isEmpty()) {
                return new LedgerPage(prefix, name, from, to, opening, 0, range.debit(), range.credit(), List.of(),
                        closing);
            }
            String in = Jdbc.placeholders(ids.size());
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
        BalanceReads.requireRange(from, to);
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
        BalanceReads.requireRange(from, to);
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
                + "WHERE l.org_id = ? AND l.entry_id IN (" + Jdbc.placeholders(batch.size()) + ") "
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
}
