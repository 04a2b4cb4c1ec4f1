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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import coop.intercoop.hub.accounting.entity.StatementSize;
import coop.intercoop.hub.platform.Jdbc;
import coop.intercoop.hub.accounting.entity.EquityChanges;
import coop.intercoop.hub.accounting.entity.InvalidReportException;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.accounting.entity.Movement;

/**
 * How the reports read the balances posting maintains (DESIGN rule 7), never scanning lines: the whole periods of a
 * range from {@code period_balance}, its loose days from {@code day_balance}; the fiscal year of a date; an
 * organisation's accounts. Every statement names the organisation explicitly (DESIGN rule 1).
 */
final class BalanceReads {

    private BalanceReads() {
    }

    record Year(LocalDate start, LocalDate end) {
    }

    static Year yearOf(Connection c, long org, LocalDate date) throws SQLException {
        List<Year> years = yearsMeeting(c, org, date, date);
        if (years.isEmpty()) {
            throw new FiscalYears.DateOutsideFiscalYearsException(date);
        }
        return years.get(0);
    }

    /** The fiscal year that ends last before {@code day}, or null when there is none (the organisation's first). */
    static Year yearBefore(Connection c, long org, LocalDate day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT start_date, end_date FROM fiscal_year "
                + "WHERE org_id = ? AND end_date < ? ORDER BY end_date DESC LIMIT 1")) {
            s.setLong(1, org);
            s.setDate(2, Date.valueOf(day));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Year(r.getDate(1).toLocalDate(), r.getDate(2).toLocalDate()) : null;
            }
        }
    }

    /** The fiscal years that share a day with a range (both dates included). */
    static List<Year> yearsMeeting(Connection c, long org, LocalDate from, LocalDate to) throws SQLException {
        List<Year> years = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT start_date, end_date FROM fiscal_year "
                + "WHERE org_id = ? AND start_date <= ? AND end_date >= ?")) {
            s.setLong(1, org);
            s.setDate(2, Date.valueOf(to));
            s.setDate(3, Date.valueOf(from));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    years.add(new Year(r.getDate(1).toLocalDate(), r.getDate(2).toLocalDate()));
                }
            }
        }
        return years;
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
        String only = accounts == null ? "" : " AND b.account_id IN (" + Jdbc.placeholders(accounts.size()) + ")";
        if (!whole.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("SELECT b.account_id, SUM(b.debit), SUM(b.credit) "
                    + "FROM period_balance b WHERE b.org_id = ? AND b.period_id IN (" + Jdbc.placeholders(whole.size())
                    + ")" + only + " GROUP BY b.account_id")) {
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

    static Movement sum(Map<Long, Movement> movements) {
        return movements.values().stream()
                .reduce(new Movement(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)), Movement::plus);
    }

    static void requireRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidReportException("to", "report.range", from, to);
        }
    }

    /** The organisation's accounts: codes by id, names by code, and the codes its chart's template gave it. */
    record Chart(Map<Long, String> codes, Map<String, String> names, Set<String> fromTemplate) {
        String nameOf(String code) {
            return names.get(code);
        }

        Map<String, Movement> byCode(Map<Long, Movement> byId) {
            Map<String, Movement> byCode = new HashMap<>();
            byId.forEach((id, m) -> byCode.merge(codes.get(id), m, Movement::plus));
            return byCode;
        }
    }

    static Chart chart(Connection c, long org) throws SQLException {
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

    /**
     * The plan an organisation's statements are drawn up in: the template its chart was built from (null while it has
     * none) and the size of its annual accounts (abbreviated while it has no chart).
     */
    record Plan(String template, StatementSize size) {
    }

    static Plan plan(Connection c, long org) throws SQLException {
        try (PreparedStatement s = c
                .prepareStatement("SELECT template, statement_size FROM chart_of_accounts WHERE org_id = ?")) {
            s.setLong(1, org);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Plan(r.getString(1), StatementSize.valueOf(r.getString(2)))
                        : new Plan(null, StatementSize.ABBREVIATED);
            }
        }
    }

    /** A closed fiscal year: its label and its days. */
    record Closed(int label, Year year) {
    }

    /** The organisation's last closed fiscal years, at most {@code count}, the earlier first. */
    static List<Closed> lastClosed(Connection c, long org, int count) throws SQLException {
        List<Closed> closed = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT year, start_date, end_date FROM fiscal_year "
                + "WHERE org_id = ? AND closed_at IS NOT NULL ORDER BY end_date DESC LIMIT ?")) {
            s.setLong(1, org);
            s.setInt(2, count);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    closed.add(0,
                            new Closed(r.getInt(1), new Year(r.getDate(2).toLocalDate(), r.getDate(3).toLocalDate())));
                }
            }
        }
        return closed;
    }

    /** Subtracts one day's entries of one journal, read by the entry-date index. */
    static void leaveOut(Connection c, long org, LocalDate day, Journal journal, Map<Long, Movement> movements)
            throws SQLException {
        journalOn(c, org, day, journal).forEach((account, m) -> movements.merge(account,
                new Movement(m.debit().negate(), m.credit().negate()), Movement::plus));
    }

    /** One day's entries of one journal, summed by account, read by the entry-date index. */
    static Map<Long, Movement> journalOn(Connection c, long org, LocalDate day, Journal journal) throws SQLException {
        Map<Long, Movement> movements = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT l.account_id, SUM(l.debit), SUM(l.credit) "
                + "FROM journal_entry e JOIN journal_line l ON l.org_id = e.org_id AND l.entry_id = e.id "
                + "WHERE e.org_id = ? AND e.entry_date = ? AND e.journal = ? GROUP BY l.account_id")) {
            s.setLong(1, org);
            s.setDate(2, Date.valueOf(day));
            s.setString(3, journal.name());
            read(s, movements);
        }
        return movements;
    }

    /** A fiscal year's label ({@code FiscalYear.getYear()}) and whether it is closed. */
    record Label(int year, boolean closed) {
    }

    static Label label(Connection c, long org, Year year) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT year, closed_at IS NOT NULL FROM fiscal_year WHERE org_id = ? AND start_date = ?")) {
            s.setLong(1, org);
            s.setDate(2, Date.valueOf(year.start()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Label(r.getInt(1), r.getBoolean(2));
            }
        }
    }

    /**
     * Every entry of a fiscal year with a line on an account starting with one of {@code prefixes}, with all its lines
     * (account code, debit, credit), in the order of their ids; without the opening journal's entries on the year's
     * first day and the closing journal's entries on its last day, as the results account leaves them out. The
     * statement of changes in equity classifies a movement of equity by the accounts on the other side of its entry, so
     * it reads these entries whole; the entries of no other account it sums from the maintained balances.
     */
    static List<EquityChanges.Entry> entriesTouching(Connection c, long org, Year year, List<String> prefixes)
            throws SQLException {
        List<EquityChanges.Entry> entries = new ArrayList<>();
        if (prefixes.isEmpty()) {
            return entries;
        }
        String touching = String.join(" OR ", prefixes.stream().map(p -> "a2.code LIKE ?").toList());
        try (PreparedStatement s = c.prepareStatement("SELECT e.id, a.code, l.debit, l.credit FROM journal_entry e "
                + "JOIN journal_line l ON l.org_id = e.org_id AND l.entry_id = e.id "
                + "JOIN account a ON a.org_id = l.org_id AND a.id = l.account_id "
                + "WHERE e.org_id = ? AND e.entry_date BETWEEN ? AND ? "
                + "AND NOT (e.journal = ? AND e.entry_date = ?) AND NOT (e.journal = ? AND e.entry_date = ?) "
                + "AND EXISTS (SELECT 1 FROM journal_line l2 JOIN account a2 ON a2.org_id = l2.org_id "
                + "AND a2.id = l2.account_id WHERE l2.org_id = e.org_id AND l2.entry_id = e.id AND (" + touching
                + ")) ORDER BY e.id, l.line_no")) {
            int p = 1;
            s.setLong(p++, org);
            s.setDate(p++, Date.valueOf(year.start()));
            s.setDate(p++, Date.valueOf(year.end()));
            s.setString(p++, Journal.OPENING.name());
            s.setDate(p++, Date.valueOf(year.start()));
            s.setString(p++, Journal.CLOSING.name());
            s.setDate(p++, Date.valueOf(year.end()));
            for (String prefix : prefixes) {
                s.setString(p++, prefix + "%");
            }
            try (ResultSet r = s.executeQuery()) {
                long entry = -1;
                List<EquityChanges.Posting> lines = null;
                while (r.next()) {
                    if (r.getLong(1) != entry) {
                        if (lines != null) {
                            entries.add(new EquityChanges.Entry(lines));
                        }
                        entry = r.getLong(1);
                        lines = new ArrayList<>();
                    }
                    lines.add(new EquityChanges.Posting(r.getString(2), r.getBigDecimal(3), r.getBigDecimal(4)));
                }
                if (lines != null) {
                    entries.add(new EquityChanges.Entry(lines));
                }
            }
        }
        return entries;
    }
}
