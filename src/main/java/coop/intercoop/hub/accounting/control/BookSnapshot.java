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

/**
 * What the ledger's rules need to know about one organisation's books, read once for checking many rows (an import):
 * its accounts (posting or heading), fiscal-year periods, lock dates, and analytic codes. Every query names the
 * organisation. The ledger checks again when it posts; this only lets a workbook's every problem be reported up front.
 */
final class BookSnapshot {

    /** Why a date cannot take an entry; {@code null} when it can. */
    enum DateProblem {
        NO_FISCAL_YEAR, CLOSED, HARD_LOCKED, SOFT_LOCKED
    }

    private record PeriodRow(LocalDate start, LocalDate end, boolean closed) {
    }

    private final Map<String, Boolean> accounts = new HashMap<>();
    private final Set<String> ownSubaccounts = new HashSet<>();
    /** Accounts with postings in a fiscal year not closed, and the first such year. */
    private final Map<String, Integer> postedInOpenYears = new HashMap<>();
    private final List<PeriodRow> periods = new ArrayList<>();
    private final Set<String> projects = new HashSet<>();
    private final Set<String> grants = new HashSet<>();
    private final Set<String> workCentres = new HashSet<>();
    private LocalDate softLock;
    private LocalDate hardLock;

    static BookSnapshot of(DataSource dataSource, long org) {
        BookSnapshot books = new BookSnapshot();
        try (Connection c = dataSource.getConnection()) {
            query(c, "SELECT code, kind = 'POSTING', from_template FROM account WHERE org_id = ?", org, r -> {
                books.accounts.put(r.getString(1), r.getBoolean(2));
                if (!r.getBoolean(3)) {
                    books.ownSubaccounts.add(r.getString(1));
                }
            });
            query(c, Accounts.POSTED_IN_OPEN_YEARS + " GROUP BY a.code", org,
                    r -> books.postedInOpenYears.put(r.getString(1), r.getInt(2)));
            query(c, "SELECT p.start_date, p.end_date, f.closed_at IS NOT NULL FROM period p JOIN fiscal_year f "
                    + "ON f.org_id = p.org_id AND f.id = p.fiscal_year_id WHERE p.org_id = ?", org,
                    r -> books.periods.add(
                            new PeriodRow(r.getDate(1).toLocalDate(), r.getDate(2).toLocalDate(), r.getBoolean(3))));
            query(c, "SELECT soft_lock, hard_lock FROM lock_dates WHERE org_id = ?", org, r -> {
                books.softLock = Ledger.localDate(r.getDate(1));
                books.hardLock = Ledger.localDate(r.getDate(2));
            });
            query(c, "SELECT code FROM project WHERE org_id = ?", org, r -> books.projects.add(r.getString(1)));
            query(c, "SELECT code FROM grant_award WHERE org_id = ?", org, r -> books.grants.add(r.getString(1)));
            query(c, "SELECT ccc FROM work_centre WHERE org_id = ?", org, r -> books.workCentres.add(r.getString(1)));
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
        return books;
    }

    /** Whether the code is an account of the chart; {@code null} if not, else whether it takes postings. */
    Boolean posting(String code) {
        return accounts.get(code);
    }

    boolean hasAccount(String code) {
        return accounts.containsKey(code);
    }

    /**
     * The account a new subaccount would extend: the longest code of the chart that begins it; {@code null} if none.
     */
    String parentOf(String code) {
        for (int end = code.length() - 1; end > 0; end--) {
            if (accounts.containsKey(code.substring(0, end))) {
                return code.substring(0, end);
            }
        }
        return null;
    }

    /** The first fiscal year not closed in which the account carries postings; {@code null} if none. */
    Integer postedInOpenYear(String code) {
        return postedInOpenYears.get(code);
    }

    /** Whether the account is one the organisation added (a subaccount cannot extend it). */
    boolean isOwnSubaccount(String code) {
        return ownSubaccounts.contains(code);
    }

    DateProblem check(LocalDate date) {
        PeriodRow period = periods.stream().filter(p -> !date.isBefore(p.start) && !date.isAfter(p.end)).findFirst()
                .orElse(null);
        if (period == null) {
            return DateProblem.NO_FISCAL_YEAR;
        }
        if (hardLock != null && !date.isAfter(hardLock)) {
            return DateProblem.HARD_LOCKED;
        }
        if (softLock != null && !date.isAfter(softLock)) {
            return DateProblem.SOFT_LOCKED;
        }
        return period.closed ? DateProblem.CLOSED : null;
    }

    LocalDate hardLock() {
        return hardLock;
    }

    LocalDate softLock() {
        return softLock;
    }

    boolean hasProject(String code) {
        return projects.contains(code);
    }

    boolean hasGrant(String code) {
        return grants.contains(code);
    }

    boolean hasWorkCentre(String ccc) {
        return workCentres.contains(ccc);
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
