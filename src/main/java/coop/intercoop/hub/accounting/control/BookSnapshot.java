package coop.intercoop.hub.accounting.control;

import java.sql.Connection;
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

import javax.sql.DataSource;

import coop.intercoop.hub.platform.Jdbc;
import coop.intercoop.hub.accounting.entity.Dimension;
import coop.intercoop.hub.accounting.entity.LockDates;
import coop.intercoop.hub.tenancy.control.WorkCentres;

/**
 * One organisation's books as the rules need them, read once for checking many rows (an import): its accounts (posting
 * or heading), fiscal-year periods, lock dates, and analytic codes — the {@link BooksView} the posting rules read, and
 * what the subaccount rules read. Every query names the organisation. The ledger checks the same rules again, under its
 * locks, when it posts; this lets a workbook's every problem be reported up front.
 */
final class BookSnapshot implements BooksView {

    private record PeriodRow(LocalDate start, LocalDate end, Year year) {
        boolean contains(LocalDate date) {
            return !date.isBefore(start) && !date.isAfter(end);
        }
    }

    private final Map<String, ChartAccount> accounts = new HashMap<>();
    /** The subaccounts the organisation added, and the accounts they extend. */
    private final Map<String, String> ownSubaccounts = new HashMap<>();
    /** Accounts with postings in a fiscal year not closed, and the first such year. */
    private final Map<String, Integer> postedInOpenYears = new HashMap<>();
    private final List<PeriodRow> periods = new ArrayList<>();
    private final Set<String> projects = new HashSet<>();
    private final Set<String> grants = new HashSet<>();
    private final Set<String> workCentres = new HashSet<>();
    private LockDates locks;
    /** The period found last: an import's dates come in runs. */
    private PeriodRow last;

    /** The organisation's books; its work centres as tenancy answers them ({@link WorkCentres#cccs}). */
    static BookSnapshot of(DataSource dataSource, WorkCentres workCentres, long org) {
        BookSnapshot books = new BookSnapshot();
        books.locks = new LockDates(org);
        try (Connection c = dataSource.getConnection()) {
            query(c, "SELECT code, name, kind = 'POSTING', from_template, parent_code FROM account WHERE org_id = ?",
                    org, r -> {
                        books.accounts.put(r.getString(1),
                                new ChartAccount(r.getString(1), r.getString(2), r.getBoolean(3)));
                        if (!r.getBoolean(4)) {
                            books.ownSubaccounts.put(r.getString(1), r.getString(5));
                        }
                    });
            query(c, Accounts.POSTED_IN_OPEN_YEARS + " GROUP BY a.code", org,
                    r -> books.postedInOpenYears.put(r.getString(1), r.getInt(2)));
            query(c, "SELECT p.start_date, p.end_date, f.year, f.closed_at IS NOT NULL, f.legalised_at IS NOT NULL "
                    + "FROM period p JOIN fiscal_year f ON f.org_id = p.org_id AND f.id = p.fiscal_year_id "
                    + "WHERE p.org_id = ?", org,
                    r -> books.periods.add(new PeriodRow(r.getDate(1).toLocalDate(), r.getDate(2).toLocalDate(),
                            new Year(r.getInt(3), r.getBoolean(4), r.getBoolean(5)))));
            query(c, "SELECT soft_lock, hard_lock FROM lock_dates WHERE org_id = ?", org,
                    r -> books.locks = new LockDates(org, Jdbc.localDate(r.getDate(1)), Jdbc.localDate(r.getDate(2))));
            query(c, "SELECT code FROM project WHERE org_id = ?", org, r -> books.projects.add(r.getString(1)));
            query(c, "SELECT code FROM grant_award WHERE org_id = ?", org, r -> books.grants.add(r.getString(1)));
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
        books.workCentres.addAll(workCentres.cccs(org));
        return books;
    }

    @Override
    public ChartAccount account(String code) {
        return accounts.get(code);
    }

    @Override
    public Year yearOf(LocalDate date) {
        if (last != null && last.contains(date)) {
            return last.year;
        }
        for (PeriodRow period : periods) {
            if (period.contains(date)) {
                last = period;
                return period.year;
            }
        }
        return null;
    }

    @Override
    public LockDates locks() {
        return locks;
    }

    @Override
    public boolean hasAnalytic(Dimension dimension, String canonicalCode) {
        return switch (dimension) {
            case PROJECT -> projects.contains(canonicalCode);
            case GRANT -> grants.contains(canonicalCode);
            case WORK_CENTRE -> workCentres.contains(canonicalCode);
            case ACTIVITY -> true;
        };
    }

    /** The chart as the subaccount rules read it. */
    SubaccountRules.Chart chart() {
        return new SubaccountRules.Chart() {
            @Override
            public Entry account(String code) {
                ChartAccount account = accounts.get(code);
                return account == null ? null
                        : new Entry(code, account.posting(), ownSubaccounts.containsKey(code),
                                ownSubaccounts.get(code));
            }

            @Override
            public Integer postedInOpenYear(String code) {
                return postedInOpenYears.get(code);
            }

            @Override
            public boolean exists() {
                return !accounts.isEmpty();
            }
        };
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet r) throws SQLException;
    }

    private static void query(Connection c, String sql, long org, RowReader reader) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, org);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    reader.read(r);
                }
            }
        }
    }
}
