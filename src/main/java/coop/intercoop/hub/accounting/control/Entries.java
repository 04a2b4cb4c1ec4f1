package coop.intercoop.hub.accounting.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.platform.Jdbc;
import coop.intercoop.hub.accounting.entity.Activity;
import coop.intercoop.hub.accounting.entity.Dimension;
import coop.intercoop.hub.accounting.entity.EntryDraft;
import coop.intercoop.hub.accounting.entity.EntryDraft.EntryLine;
import coop.intercoop.hub.accounting.entity.EntryDraft.Share;
import coop.intercoop.hub.accounting.entity.InvalidEntryException;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.security.control.Users;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.WorkCentres;

/**
 * The posted entries of the checked organisation: lists, one entry with its lines and analytic shares, and reversal.
 * Every query names the organisation explicitly.
 */
@Dependent
public class Entries {

    public static final int MAX_PAGE = 500;
    /** Rows a streamed read (an export) fetches from the database at a time. */
    private static final int STREAMED_ROWS = 1000;

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Tenant tenant;

    @Inject
    Ledger ledger;

    @Inject
    Users users;

    @Inject
    WorkCentres workCentres;

    /** A share of a line as posted: the dimension's code (a work centre by its CCC), percentage and amount. */
    public record ShareView(Dimension dimension, String code, BigDecimal percent, BigDecimal amount) {
    }

    public record LineView(int number, String account, String accountName, BigDecimal debit, BigDecimal credit,
            String text, String thirdPartyNif, List<ShareView> analytic) {
    }

    public record EntryView(long id, int fiscalYear, int number, LocalDate date, Journal journal, String description,
            String document, Long reverses, Long reversedBy, BigDecimal total, boolean softLockOverride,
            Instant postedAt, String postedBy, int hashVersion, String hash, List<LineView> lines) {
    }

    /** What a list of entries is filtered by; null fields do not filter. */
    public record Filter(LocalDate from, LocalDate to, Journal journal, String account, String text) {
        public static final Filter NONE = new Filter(null, null, null, null, null);
    }

    public record Page(long total, List<EntryView> entries) {
    }

    /**
     * An entry's heading; its number is its legal number ({@link Legalisation#legalNumber}). Who posted it is a user
     * id, which security names ({@link Users#usernames}).
     */
    private static final String SELECT_ENTRY = "SELECT e.id, f.year, " + Legalisation.legalNumber("e")
            + ", e.entry_date, e.journal, "
            + "e.description, e.document_ref, e.reverses_id, r.id, e.total, e.soft_lock_override, e.posted_at, "
            + "e.posted_by, e.hash_version, e.hash FROM journal_entry e "
            + "JOIN fiscal_year f ON f.org_id = e.org_id AND f.id = e.fiscal_year_id "
            + "LEFT JOIN journal_entry r ON r.org_id = e.org_id AND r.reverses_id = e.id ";

    /**
     * The entries matching the filter, by date and number, without their lines.
     *
     * @param first
     *            index of the first entry, from 0
     * @param max
     *            at most {@value #MAX_PAGE}
     */
    public Page list(Filter filter, int first, int max) {
        if (first < 0 || max < 1 || max > MAX_PAGE) {
            throw new InvalidEntryException("max", "page.range", MAX_PAGE);
        }
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM journal_entry e" + where)) {
                bind(s, params);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    total = r.getLong(1);
                }
            }
            List<EntryView> entries = new ArrayList<>();
            List<Long> posters = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    SELECT_ENTRY + where + " ORDER BY e.entry_date, f.year, e.day_rank, e.entry_no LIMIT ? OFFSET ?")) {
                int p = bind(s, params);
                s.setInt(p++, max);
                s.setInt(p, first);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        posters.add(r.getLong(13));
                        entries.add(entry(r, Map.of()));
                    }
                }
            }
            Map<Long, String> usernames = users.usernames(new HashSet<>(posters));
            List<EntryView> named = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                named.add(copy(entries.get(i), usernames.get(posters.get(i)), List.of()));
            }
            return new Page(total, named);
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    /**
     * Every entry matching the filter, by date and number, without lines, handed to {@code each} as it is read from a
     * streamed result set (the export of the list; nothing is held whatever the number of entries).
     *
     * @return how many entries were handed over
     */
    public long stream(Filter filter, Consumer<EntryView> each) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        long count = 0;
        try (Connection c = dataSource.getConnection()) {
            // who posted is read first, for the whole stream: a streaming result set leaves its connection to itself
            Set<Long> posters = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT e.posted_by FROM journal_entry e" + where)) {
                bind(s, params);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        posters.add(r.getLong(1));
                    }
                }
            }
            Map<Long, String> usernames = users.usernames(posters);
            try (PreparedStatement s = c
                    .prepareStatement(SELECT_ENTRY + where + " ORDER BY e.entry_date, e.day_rank, e.entry_no")) {
                bind(s, params);
                s.setFetchSize(STREAMED_ROWS);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        each.accept(entry(r, usernames));
                        count++;
                    }
                }
            }
            return count;
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    /**
     * The filter as a WHERE clause on {@code journal_entry e}, always naming the organisation; fills {@code params}.
     */
    private String where(Filter filter, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE e.org_id = ?");
        params.add(tenant.id());
        if (filter.from() != null) {
            where.append(" AND e.entry_date >= ?");
            params.add(Date.valueOf(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND e.entry_date <= ?");
            params.add(Date.valueOf(filter.to()));
        }
        if (filter.journal() != null) {
            where.append(" AND e.journal = ?");
            params.add(filter.journal().name());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" AND (e.description LIKE ? OR e.document_ref LIKE ?)");
            String like = "%" + filter.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%";
            params.add(like);
            params.add(like);
        }
        if (filter.account() != null && !filter.account().isBlank()) {
            where.append(" AND EXISTS (SELECT 1 FROM journal_line l JOIN account a ON a.org_id = l.org_id "
                    + "AND a.id = l.account_id WHERE l.org_id = e.org_id AND l.entry_id = e.id AND a.code LIKE ?)");
            params.add(filter.account().strip().replaceAll("[^0-9]", "") + "%");
        }
        return where.toString();
    }

    /**
     * @throws NotFoundException
     *             if the organisation has no such posted entry
     */
    public EntryView find(long id) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(SELECT_ENTRY + " WHERE e.org_id = ? AND e.id = ?")) {
                s.setLong(1, tenant.id());
                s.setLong(2, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new NotFoundException("journal entry", String.valueOf(id));
                    }
                    return withLines(List.of(entry(r, users.usernames(Set.of(r.getLong(13)))))).get(0);
                }
            }
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    /** A share as read: its line ({@code entry/line}), the code of its dimension (a work centre's id), and amounts. */
    private record ShareRow(String line, String project, String grant, String activity, Long workCentre,
            BigDecimal percent, BigDecimal amount) {
        ShareView view(Dimension dimension, String code) {
            return new ShareView(dimension, code, percent, amount);
        }
    }

    /**
     * The entries with their lines and analytic shares, read for the whole list in two queries, and the CCCs of the
     * work centres they name in one more.
     */
    public List<EntryView> withLines(List<EntryView> page) {
        if (page.isEmpty()) {
            return page;
        }
        long org = tenant.id();
        List<Long> ids = page.stream().map(EntryView::id).toList();
        String in = Jdbc.placeholders(ids.size());
        Map<Long, List<LineView>> lines = new HashMap<>();
        Map<String, List<ShareView>> shares = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            // a work centre's share is read with its id, and named by its CCC, which tenancy answers, once all are read
            List<ShareRow> read = new ArrayList<>();
            Set<Long> centres = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("SELECT s.entry_id, s.line_no, p.code, g.code, s.activity, "
                    + "s.work_centre_id, s.percent, s.debit + s.credit FROM line_allocation s "
                    + "LEFT JOIN project p ON p.org_id = s.org_id AND p.id = s.project_id "
                    + "LEFT JOIN grant_award g ON g.org_id = s.org_id AND g.id = s.grant_id "
                    + "WHERE s.org_id = ? AND s.entry_id IN (" + in + ") ORDER BY s.entry_id, s.line_no, s.share_no")) {
                s.setLong(1, org);
                for (int i = 0; i < ids.size(); i++) {
                    s.setLong(i + 2, ids.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Long centre = r.getObject(6, Long.class);
                        if (centre != null) {
                            centres.add(centre);
                        }
                        read.add(new ShareRow(r.getLong(1) + "/" + r.getInt(2), r.getString(3), r.getString(4),
                                r.getString(5), centre, percent(r.getBigDecimal(7)), r.getBigDecimal(8)));
                    }
                }
            }
            Map<Long, String> cccs = workCentres.cccsById(org, centres);
            for (ShareRow share : read) {
                ShareView view = share.project() != null ? share.view(Dimension.PROJECT, share.project())
                        : share.grant() != null ? share.view(Dimension.GRANT, share.grant())
                                : share.activity() != null ? share.view(Dimension.ACTIVITY, share.activity())
                                        : share.view(Dimension.WORK_CENTRE, cccs.get(share.workCentre()));
                shares.computeIfAbsent(share.line(), k -> new ArrayList<>()).add(view);
            }
            try (PreparedStatement s = c.prepareStatement("SELECT l.entry_id, l.line_no, a.code, a.name, l.debit, "
                    + "l.credit, l.text, l.third_party_nif FROM journal_line l "
                    + "JOIN account a ON a.org_id = l.org_id AND a.id = l.account_id "
                    + "WHERE l.org_id = ? AND l.entry_id IN (" + in + ") ORDER BY l.entry_id, l.line_no")) {
                s.setLong(1, org);
                for (int i = 0; i < ids.size(); i++) {
                    s.setLong(i + 2, ids.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        lines.computeIfAbsent(r.getLong(1), k -> new ArrayList<>())
                                .add(new LineView(r.getInt(2), r.getString(3), r.getString(4), r.getBigDecimal(5),
                                        r.getBigDecimal(6), r.getString(7), r.getString(8),
                                        shares.getOrDefault(r.getLong(1) + "/" + r.getInt(2), List.of())));
                    }
                }
            }
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
        return page.stream().map(e -> copy(e, e.postedBy(), lines.getOrDefault(e.id(), List.of()))).toList();
    }

    /** The entry of a row of {@link #SELECT_ENTRY}, without lines; who posted it by {@code usernames}. */
    private static EntryView entry(ResultSet r, Map<Long, String> usernames) throws SQLException {
        return new EntryView(r.getLong(1), r.getInt(2), r.getInt(3), r.getDate(4).toLocalDate(),
                Journal.valueOf(r.getString(5)), r.getString(6), r.getString(7), (Long) r.getObject(8, Long.class),
                (Long) r.getObject(9, Long.class), r.getBigDecimal(10), r.getBoolean(11),
                r.getTimestamp(12).toInstant(), usernames.get(r.getLong(13)), r.getInt(14), r.getString(15), List.of());
    }

    private static EntryView copy(EntryView e, String postedBy, List<LineView> lines) {
        return new EntryView(e.id(), e.fiscalYear(), e.number(), e.date(), e.journal(), e.description(), e.document(),
                e.reverses(), e.reversedBy(), e.total(), e.softLockOverride(), e.postedAt(), postedBy, e.hashVersion(),
                e.hash(), lines);
    }

    private static int bind(PreparedStatement s, List<Object> params) throws SQLException {
        int p = 1;
        for (Object value : params) {
            s.setObject(p++, value);
        }
        return p;
    }

    /**
     * Posts the reversal of a posted entry: the same lines and analytic shares with debit and credit swapped, in the
     * same journal, dated {@code date} (which must be in an open, unlocked period like any posting).
     *
     * @throws Ledger.AlreadyReversedException
     *             if the entry was reversed before
     */
    public Ledger.Posted reverse(long id, LocalDate date, String description, Ledger.SoftLockOverride override) {
        EntryView original = find(id);
        if (original.reversedBy() != null) {
            throw new Ledger.AlreadyReversedException();
        }
        List<EntryLine> lines = new ArrayList<>();
        for (LineView line : original.lines()) {
            EntryLine reversed = new EntryLine(line.account(), line.credit().signum() == 0 ? null : line.credit(),
                    line.debit().signum() == 0 ? null : line.debit(), line.text());
            reversed.setThirdPartyNif(line.thirdPartyNif());
            List<Share> shares = new ArrayList<>();
            for (ShareView share : line.analytic()) {
                shares.add(new Share(share.dimension(),
                        share.dimension() == Dimension.ACTIVITY ? Activity.valueOf(share.code()).name() : share.code(),
                        share.percent()));
            }
            reversed.setAnalytic(shares);
            lines.add(reversed);
        }
        // the caller's description is checked as any entry's (too long is refused); the hub's own is shortened to fit
        String text = description == null || description.isBlank() ? fitted("Anulación del asiento " + original.number()
                + "/" + original.fiscalYear() + ": " + original.description()) : description.strip();
        EntryDraft draft = new EntryDraft(date, original.journal(), text, original.document(), lines);
        return ledger.postAll(List.of(new Ledger.Pending(draft, original.id())), override).get(0);
    }

    /** A description the hub writes, shortened to the longest an entry may have, with an ellipsis if cut. */
    private static String fitted(String text) {
        return text.length() <= EntryDraft.MAX_DESCRIPTION ? text
                : text.substring(0, EntryDraft.MAX_DESCRIPTION - 1) + "…";
    }

    /**
     * A share's percentage as written, without the column's padding zeros and never in exponent notation: 60, not
     * 60.0000 nor 6E+1 (which is what stripping the zeros of 60.0000 gives).
     */
    static BigDecimal percent(BigDecimal stored) {
        BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
