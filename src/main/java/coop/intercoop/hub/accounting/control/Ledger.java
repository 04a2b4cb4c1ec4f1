package coop.intercoop.hub.accounting.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import coop.intercoop.hub.platform.Jdbc;
import coop.intercoop.hub.accounting.entity.Activity;
import coop.intercoop.hub.accounting.entity.AnalyticSplit;
import coop.intercoop.hub.accounting.entity.Dimension;
import coop.intercoop.hub.accounting.entity.EntryDraft;
import coop.intercoop.hub.accounting.entity.EntryDraft.EntryLine;
import coop.intercoop.hub.accounting.entity.EntryDraft.Share;
import coop.intercoop.hub.accounting.entity.EntryHash;
import coop.intercoop.hub.accounting.entity.InvalidEntryException;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.accounting.entity.LockDates;
import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.audit.control.IntegrityKeys;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.platform.Refusals;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.control.WorkCentres;
import coop.intercoop.hub.tenancy.entity.Role;
import coop.intercoop.hub.tenancy.entity.TaxId;

/**
 * Posts journal entries into the checked organisation's books: the one path by which anything reaches the ledger — the
 * API, the portal, reversals, year-end closing, imports and other components (payroll) alike — so every rule holds
 * everywhere. In the caller's transaction it
 * <ol>
 * <li>locks the organisation's chain head (serialising the organisation's postings, lock changes and closings),</li>
 * <li>reads the lock dates and the fiscal years with locking reads, refusing dates in no fiscal year, in a closed or
 * legalised one ({@link Legalisation}), on or before the hard lock, or on or before the soft lock without an
 * accountant's override,</li>
 * <li>resolves every account and analytic code among the organisation's own (posting accounts only),</li>
 * <li>takes the legal numbers from the fiscal year's counter row under a row lock, so a rollback gives them back and
 * numbers stay 1..N without gaps,</li>
 * <li>chains each entry's HMAC-SHA256, keyed with the hub's current integrity key, to the previous one
 * ({@link EntryHash}, scheme 2),</li>
 * <li>writes entries, lines and analytic shares with JDBC batches and adds them to the maintained balances.</li>
 * </ol>
 * The batches are prepared without generated keys: with them Connector/J sends a batch as one statement per row,
 * without them as bulk commands (of at most {@link Jdbc#COMMAND_BYTES}), which writes an import's entries two to three
 * times faster. Posted rows are never updated: the database refuses it (V3 triggers). Every statement names the
 * organisation explicitly (DESIGN rule 1).
 */
@Dependent
public class Ledger {

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Tenant tenant;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Event<EntriesPosted> entriesPosted;

    @Inject
    IntegrityKeys keys;

    @Inject
    WorkCentres workCentres;

    /**
     * How a posting treats the soft lock: without an override a date on or before it is refused; with one, an
     * accountant posts it and the reason is audited.
     */
    public record SoftLockOverride(boolean requested, String reason) {
        public static final SoftLockOverride NONE = new SoftLockOverride(false, null);
    }

    /** What posting gave an entry. */
    public record Posted(long id, int fiscalYear, int number, LocalDate date, Journal journal, BigDecimal total,
            String hash) {
    }

    /**
     * Fired synchronously inside the posting transaction once entries are written: an observer that throws rolls the
     * whole posting back, numbers included.
     */
    public record EntriesPosted(long orgId, List<Posted> entries) {
    }

    /** An entry to post and, for a reversal, the entry it reverses. */
    record Pending(EntryDraft draft, Long reverses) {
    }

    /** Posts one entry. */
    public Posted post(EntryDraft draft, SoftLockOverride override) {
        return postAll(List.of(new Pending(draft, null)), override).get(0);
    }

    /** Posts entries in the order given (which is their numbering order), all or none. */
    public List<Posted> post(List<EntryDraft> drafts, SoftLockOverride override) {
        return postAll(drafts.stream().map(d -> new Pending(d, null)).toList(), override);
    }

    List<Posted> postAll(List<Pending> pending, SoftLockOverride override) {
        if (pending.isEmpty()) {
            return List.of();
        }
        // an import's batch checks thousands of entries on the job's thread: an entry's fields are named
        // (entryField) only once it is known to be refused
        Refusals unnamed = new Refusals();
        Refusals own = new Refusals();
        for (int i = 0; i < pending.size(); i++) {
            int before = unnamed.count();
            pending.get(i).draft().check("", unnamed);
            if (unnamed.count() > before) {
                pending.get(i).draft().check(entryField(pending, i), own);
            }
        }
        own.throwIfAny();
        long org = tenant.id();
        try (Connection c = dataSource.getConnection()) {
            Chain chain = lockChain(c, org);
            LockedBooks books = readBooks(c, org, pending);
            PostingRules rules = new PostingRules(books, override.requested());
            Refusals refusals = new Refusals();
            for (int i = 0; i < pending.size(); i++) {
                int before = unnamed.count();
                rules.checkAgainstBooks(pending.get(i).draft(), "", unnamed);
                if (unnamed.count() > before) {
                    rules.checkAgainstBooks(pending.get(i).draft(), entryField(pending, i), refusals);
                }
            }
            refusals.throwIfAny();
            boolean overridden = rules.overridden();
            if (overridden) {
                if (!tenant.has(Role.ACCOUNTANT)) {
                    throw new SoftLockOverrideRefusedException();
                }
                if (override.reason() == null || override.reason().isBlank()) {
                    throw new InvalidEntryException("overrideReason", "lock.soft.reason");
                }
            }
            Map<LocalDate, PeriodRow> periods = books.periods;
            Map<String, AccountRow> accounts = books.accounts;
            Analytic analytic = books.analytic;
            Map<Long, int[]> counters = lockCounters(c, org, pending, periods);
            long postedBy = caller.user().getId();
            Instant now = Instant.now();
            List<Written> written = new ArrayList<>(pending.size());
            String previous = chain.lastHash;
            long seq = chain.lastSeq;
            // one MAC for the whole batch: the key is read from memory once, not per entry
            IntegrityKeys.Keyed key = keys.current();
            for (Pending p : pending) {
                EntryDraft d = p.draft();
                PeriodRow period = periods.get(d.getDate());
                int number = ++counters.get(period.fiscalYearId)[0];
                List<EntryHash.Line> hashed = new ArrayList<>(d.getLines().size());
                for (int i = 0; i < d.getLines().size(); i++) {
                    EntryLine line = d.getLines().get(i);
                    hashed.add(
                            new EntryHash.Line(i + 1, accounts.get(line.getAccount().strip()).code, line.debitOrZero(),
                                    line.creditOrZero(), blankToNull(line.getText()), nif(line.getThirdPartyNif())));
                }
                String hash = EntryHash.keyed(key.mac(), key.keyId(), previous, org, period.year, number, d.getDate(),
                        d.journal(), d.getDescription().strip(), blankToNull(d.getDocument()), hashed);
                written.add(new Written(p, period, number, ++seq, previous, hash, hashed));
                previous = hash;
            }
            insertEntries(c, org, written, override.requested() && overridden, postedBy, now, key.keyId());
            Map<Long, Long> ids = idsBySeq(c, org, chain.lastSeq, seq);
            insertLines(c, org, written, ids, accounts, analytic);
            updateCounters(c, org, counters);
            updateChain(c, org, seq, previous);
            List<Posted> posted = written.stream().map(w -> new Posted(ids.get(w.seq), w.period.year, w.number,
                    w.pending.draft().getDate(), w.pending.draft().journal(), w.pending.draft().total(), w.hash))
                    .toList();
            auditPosting(org, posted, overridden ? override.reason() : null);
            entriesPosted.fire(new EntriesPosted(org, posted));
            return posted;
        } catch (SQLException e) {
            if (violates(e, "uk_journal_entry_reverses")) {
                throw new AlreadyReversedException();
            }
            throw new LedgerFailure(e);
        }
    }

    /**
     * Whether the failure is a violation of this unique key. A batch reports its statement's violation as the cause of
     * a BatchUpdateException, so the causes are looked at too.
     */
    private static boolean violates(SQLException failure, String key) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException && t.getMessage() != null
                    && t.getMessage().contains(key)) {
                return true;
            }
        }
        return false;
    }

    private void auditPosting(long org, List<Posted> posted, String overrideReason) {
        if (posted.size() == 1) {
            Posted p = posted.get(0);
            audit.record(org, "accounting.entry-posted", "journal-entry", String.valueOf(p.id()),
                    "number " + p.number() + "/" + p.fiscalYear() + ", " + p.date() + ", " + p.journal() + ", total "
                            + p.total().toPlainString());
        } else {
            audit.record(org, "accounting.entries-posted", "journal-entry", String.valueOf(posted.get(0).id()),
                    posted.size() + " entries, first " + posted.get(0).number() + "/" + posted.get(0).fiscalYear()
                            + ", last " + posted.get(posted.size() - 1).number() + "/"
                            + posted.get(posted.size() - 1).fiscalYear());
        }
        if (overrideReason != null) {
            audit.record(org, "accounting.soft-lock-override", "journal-entry", String.valueOf(posted.get(0).id()),
                    overrideReason.strip());
        }
    }

    // ---- locks and lookups

    private record Chain(long lastSeq, String lastHash) {
    }

    /**
     * Locks the organisation's audit chain, then its ledger chain: a posting records audit events, and a transaction
     * that records an event before it posts takes the locks in the same order, so the two never deadlock.
     */
    private Chain lockChain(Connection c, long org) throws SQLException {
        audit.lockChain(org);
        try (PreparedStatement s = c
                .prepareStatement("SELECT last_seq, last_hash FROM ledger_chain WHERE org_id = ? FOR UPDATE")) {
            s.setLong(1, org);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new NotFoundException("organisation", String.valueOf(org));
                }
                return new Chain(r.getLong(1), r.getString(2));
            }
        }
    }

    /**
     * Locks the organisation's chain head, for an action that must not interleave with postings (moving the locks,
     * closing a year, rebuilding balances).
     */
    public void lockBooks() {
        try (Connection c = dataSource.getConnection()) {
            lockChain(c, tenant.id());
        } catch (SQLException e) {
            throw new LedgerFailure(e);
        }
    }

    /** The prefix of an entry's fields in a refusal: {@code entries[2].} when several are posted together. */
    private static String entryField(List<Pending> pending, int entry) {
        return pending.size() > 1 ? "entries[" + entry + "]." : "";
    }

    /** A period and, as the posting rules read it, its fiscal year. */
    private record PeriodRow(long id, long fiscalYearId, int year, LocalDate start, LocalDate end,
            BooksView.Year fiscalYear) {
    }

    /** An account's id and the account as the posting rules read it. */
    private record AccountRow(long id, String code, BooksView.ChartAccount chart) {
    }

    /** The organisation's ids of the analytic codes the entries name. */
    private record Analytic(Map<String, Long> projects, Map<String, Long> grants, Map<String, Long> workCentres) {
        long idOf(Dimension dimension, String code) {
            return switch (dimension) {
                case PROJECT -> projects.get(code);
                case GRANT -> grants.get(code);
                case WORK_CENTRE -> workCentres.get(code);
                case ACTIVITY -> Activity.of(code, "code").valueId;
            };
        }

        boolean has(Dimension dimension, String code) {
            return switch (dimension) {
                case PROJECT -> projects.containsKey(code);
                case GRANT -> grants.containsKey(code);
                case WORK_CENTRE -> workCentres.containsKey(code);
                case ACTIVITY -> true;
            };
        }
    }

    /**
     * What the entries being posted need of the books, read with locking reads under the chain lock: the lock dates,
     * the period of each of their dates, their accounts and their analytic codes. The posting rules read it as a
     * {@link BooksView}; the writing takes its ids.
     */
    private static final class LockedBooks implements BooksView {
        final LockDates locks;
        final Map<LocalDate, PeriodRow> periods;
        final Map<String, AccountRow> accounts;
        final Analytic analytic;

        LockedBooks(LockDates locks, Map<LocalDate, PeriodRow> periods, Map<String, AccountRow> accounts,
                Analytic analytic) {
            this.locks = locks;
            this.periods = periods;
            this.accounts = accounts;
            this.analytic = analytic;
        }

        @Override
        public ChartAccount account(String code) {
            AccountRow row = accounts.get(code);
            return row == null ? null : row.chart;
        }

        @Override
        public Year yearOf(LocalDate date) {
            PeriodRow period = periods.get(date);
            return period == null ? null : period.fiscalYear;
        }

        @Override
        public LockDates locks() {
            return locks;
        }

        @Override
        public boolean hasAnalytic(Dimension dimension, String canonicalCode) {
            return analytic.has(dimension, canonicalCode);
        }
    }

    private LockedBooks readBooks(Connection c, long org, List<Pending> pending) throws SQLException {
        return new LockedBooks(readLocks(c, org), periodsOf(c, org, pending), accountsOf(c, org, pending),
                analyticOf(c, org, pending));
    }

    private static LockDates readLocks(Connection c, long org) throws SQLException {
        try (PreparedStatement s = c
                .prepareStatement("SELECT soft_lock, hard_lock FROM lock_dates WHERE org_id = ? LOCK IN SHARE MODE")) {
            s.setLong(1, org);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new LockDates(org, Jdbc.localDate(r.getDate(1)), Jdbc.localDate(r.getDate(2)))
                        : new LockDates(org);
            }
        }
    }

    /** The period of each date the entries carry; a date in no period has none. */
    private static Map<LocalDate, PeriodRow> periodsOf(Connection c, long org, List<Pending> pending)
            throws SQLException {
        List<PeriodRow> all = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT p.id, f.id, f.year, p.start_date, p.end_date, "
                + "f.closed_at IS NOT NULL, f.legalised_at IS NOT NULL FROM period p JOIN fiscal_year f ON f.org_id = p.org_id "
                + "AND f.id = p.fiscal_year_id WHERE p.org_id = ? ORDER BY p.start_date LOCK IN SHARE MODE")) {
            s.setLong(1, org);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    all.add(new PeriodRow(r.getLong(1), r.getLong(2), r.getInt(3), Jdbc.localDate(r.getDate(4)),
                            Jdbc.localDate(r.getDate(5)),
                            new BooksView.Year(r.getInt(3), r.getBoolean(6), r.getBoolean(7))));
                }
            }
        }
        Map<LocalDate, PeriodRow> byDate = new HashMap<>();
        for (Pending p : pending) {
            LocalDate date = p.draft().getDate();
            if (!byDate.containsKey(date)) {
                all.stream().filter(x -> !date.isBefore(x.start) && !date.isAfter(x.end)).findFirst()
                        .ifPresent(period -> byDate.put(date, period));
            }
        }
        return byDate;
    }

    private static Map<String, AccountRow> accountsOf(Connection c, long org, List<Pending> pending)
            throws SQLException {
        Set<String> codes = new TreeSet<>();
        for (Pending p : pending) {
            for (EntryLine line : p.draft().getLines()) {
                codes.add(line.getAccount().strip());
            }
        }
        Map<String, AccountRow> found = new HashMap<>();
        for (List<String> chunk : Jdbc.chunks(codes)) {
            try (PreparedStatement s = c.prepareStatement("SELECT id, code, name, kind = 'POSTING' FROM account "
                    + "WHERE org_id = ? AND code IN (" + Jdbc.placeholders(chunk.size()) + ") LOCK IN SHARE MODE")) {
                s.setLong(1, org);
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(i + 2, chunk.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.put(r.getString(2), new AccountRow(r.getLong(1), r.getString(2),
                                new BooksView.ChartAccount(r.getString(2), r.getString(3), r.getBoolean(4))));
                    }
                }
            }
        }
        return found;
    }

    /** The ids of the entries' analytic codes: projects and grants are the ledger's, work centres tenancy's. */
    private Analytic analyticOf(Connection c, long org, List<Pending> pending) throws SQLException {
        Map<Dimension, Set<String>> wanted = new HashMap<>();
        for (Pending p : pending) {
            for (EntryLine line : p.draft().getLines()) {
                if (line.getAnalytic() != null) {
                    for (Share share : line.getAnalytic()) {
                        wanted.computeIfAbsent(share.dimension(), d -> new TreeSet<>()).add(share.canonicalCode());
                    }
                }
            }
        }
        return new Analytic(
                ids(c, org, "SELECT code, id FROM project WHERE org_id = ? AND code IN ",
                        wanted.getOrDefault(Dimension.PROJECT, Set.of())),
                ids(c, org, "SELECT code, id FROM grant_award WHERE org_id = ? AND code IN ",
                        wanted.getOrDefault(Dimension.GRANT, Set.of())),
                workCentres.idsByCcc(org, wanted.getOrDefault(Dimension.WORK_CENTRE, Set.of())));
    }

    private static Map<String, Long> ids(Connection c, long org, String select, Collection<String> codes)
            throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : Jdbc.chunks(codes)) {
            try (PreparedStatement s = c.prepareStatement(select + "(" + Jdbc.placeholders(chunk.size()) + ")")) {
                s.setLong(1, org);
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(i + 2, chunk.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.put(r.getString(1), r.getLong(2));
                    }
                }
            }
        }
        return ids;
    }

    /** Locks the counters of the fiscal years the entries fall in, in id order; the values are the last numbers. */
    private static Map<Long, int[]> lockCounters(Connection c, long org, List<Pending> pending,
            Map<LocalDate, PeriodRow> periods) throws SQLException {
        Map<Long, int[]> counters = new TreeMap<>();
        for (Pending p : pending) {
            counters.put(periods.get(p.draft().getDate()).fiscalYearId, null);
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT last_number FROM entry_counter WHERE org_id = ? AND fiscal_year_id = ? FOR UPDATE")) {
            for (Long year : counters.keySet()) {
                s.setLong(1, org);
                s.setLong(2, year);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalStateException("Fiscal year " + year + " has no entry counter");
                    }
                    counters.put(year, new int[] { r.getInt(1) });
                }
            }
        }
        return counters;
    }

    // ---- writing

    private record Written(Pending pending, PeriodRow period, int number, long seq, String previousHash, String hash,
            List<EntryHash.Line> lines) {
    }

    private static void insertEntries(Connection c, long org, List<Written> written, boolean override, long postedBy,
            Instant now, int keyId) throws SQLException {
        try (Jdbc.Batch s = Jdbc.Batch.of(c, "INSERT INTO journal_entry (org_id, fiscal_year_id, entry_no, "
                + "entry_date, period_id, journal, description, document_ref, reverses_id, total, soft_lock_override, "
                + "posted_at, posted_by, chain_seq, hash_version, hash_key_id, prev_hash, hash) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            // as a local date-time: the driver encodes a Timestamp through a Calendar it makes for each value
            LocalDateTime postedAt = LocalDateTime.ofInstant(now, ZoneId.systemDefault());
            for (Written w : written) {
                EntryDraft d = w.pending.draft();
                int p = 1;
                s.setLong(p++, org);
                s.setLong(p++, w.period.fiscalYearId);
                s.setInt(p++, w.number);
                s.setObject(p++, d.getDate());
                s.setLong(p++, w.period.id);
                s.setString(p++, d.journal().name());
                s.setString(p++, d.getDescription().strip());
                s.setString(p++, blankToNull(d.getDocument()));
                s.setObject(p++, w.pending.reverses());
                s.setBigDecimal(p++, d.total());
                s.setBoolean(p++, override);
                s.setObject(p++, postedAt);
                s.setLong(p++, postedBy);
                s.setLong(p++, w.seq);
                s.setInt(p++, EntryHash.KEYED);
                s.setInt(p++, keyId);
                s.setString(p++, w.previousHash);
                s.setString(p++, w.hash);
                s.add();
            }
            s.send();
        }
    }

    private static Map<Long, Long> idsBySeq(Connection c, long org, long afterSeq, long lastSeq) throws SQLException {
        Map<Long, Long> ids = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT chain_seq, id FROM journal_entry WHERE org_id = ? AND chain_seq > ? AND chain_seq <= ?")) {
            s.setLong(1, org);
            s.setLong(2, afterSeq);
            s.setLong(3, lastSeq);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.put(r.getLong(1), r.getLong(2));
                }
            }
        }
        return ids;
    }

    private record PeriodKey(long period, long account) implements Comparable<PeriodKey> {
        @Override
        public int compareTo(PeriodKey o) {
            return period != o.period ? Long.compare(period, o.period) : Long.compare(account, o.account);
        }
    }

    private record DayKey(LocalDate date, long account) implements Comparable<DayKey> {
        @Override
        public int compareTo(DayKey o) {
            int byDate = date.compareTo(o.date);
            return byDate != 0 ? byDate : Long.compare(account, o.account);
        }
    }

    private record AnalyticKey(String dimension, long value, long period, long account)
            implements Comparable<AnalyticKey> {
        @Override
        public int compareTo(AnalyticKey o) {
            int c = dimension.compareTo(o.dimension);
            c = c != 0 ? c : Long.compare(value, o.value);
            c = c != 0 ? c : Long.compare(period, o.period);
            return c != 0 ? c : Long.compare(account, o.account);
        }
    }

    private static void insertLines(Connection c, long org, List<Written> written, Map<Long, Long> ids,
            Map<String, AccountRow> accounts, Analytic analytic) throws SQLException {
        Map<PeriodKey, BigDecimal[]> periodTotals = new TreeMap<>();
        Map<DayKey, BigDecimal[]> dayTotals = new TreeMap<>();
        Map<AnalyticKey, BigDecimal[]> analyticTotals = new TreeMap<>();
        // the lines are sent before their shares, which refer to them
        try (Jdbc.Batch lines = Jdbc.Batch.of(c, "INSERT INTO journal_line (org_id, entry_id, line_no, "
                + "account_id, entry_date, debit, credit, text, third_party_nif) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                Jdbc.Batch shares = Jdbc.Batch.after(lines, c, "INSERT INTO line_allocation (org_id, entry_id, "
                        + "line_no, share_no, project_id, grant_id, activity, work_centre_id, percent, debit, credit) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Written w : written) {
                long entryId = ids.get(w.seq);
                LocalDate date = w.pending.draft().getDate();
                List<EntryLine> drafted = w.pending.draft().getLines();
                for (int i = 0; i < drafted.size(); i++) {
                    EntryLine line = drafted.get(i);
                    EntryHash.Line h = w.lines.get(i);
                    long account = accounts.get(h.account()).id;
                    BigDecimal debit = h.debit();
                    BigDecimal credit = h.credit();
                    lines.setLong(1, org);
                    lines.setLong(2, entryId);
                    lines.setInt(3, h.number());
                    lines.setLong(4, account);
                    lines.setObject(5, date);
                    lines.setBigDecimal(6, debit);
                    lines.setBigDecimal(7, credit);
                    lines.setString(8, h.text());
                    lines.setString(9, h.thirdPartyNif());
                    lines.add();
                    add(periodTotals, new PeriodKey(w.period.id, account), debit, credit);
                    add(dayTotals, new DayKey(date, account), debit, credit);
                    addShares(shares, org, entryId, h.number(), line, analytic, analyticTotals, w.period.id, account);
                }
            }
            shares.send();
        }
        upsert(c, "period_balance (org_id, period_id, account_id", 2, periodTotals, (s, i, k) -> {
            s.setLong(i++, k.period);
            s.setLong(i++, k.account);
            return i;
        }, org);
        upsert(c, "day_balance (org_id, balance_date, account_id", 2, dayTotals, (s, i, k) -> {
            s.setObject(i++, k.date);
            s.setLong(i++, k.account);
            return i;
        }, org);
        upsert(c, "analytic_balance (org_id, dimension, value_id, period_id, account_id", 4, analyticTotals,
                (s, i, k) -> {
                    s.setString(i++, k.dimension);
                    s.setLong(i++, k.value);
                    s.setLong(i++, k.period);
                    s.setLong(i++, k.account);
                    return i;
                }, org);
    }

    /** Adds the line's analytic shares to the batch. */
    private static void addShares(Jdbc.Batch shares, long org, long entryId, int lineNo, EntryLine line,
            Analytic analytic, Map<AnalyticKey, BigDecimal[]> totals, long period, long account) throws SQLException {
        if (line.getAnalytic() == null || line.getAnalytic().isEmpty()) {
            return;
        }
        boolean debitSide = line.debitOrZero().signum() > 0;
        BigDecimal amount = debitSide ? line.debitOrZero() : line.creditOrZero();
        Map<Dimension, List<Share>> byDimension = new TreeMap<>();
        for (Share share : line.getAnalytic()) {
            byDimension.computeIfAbsent(share.dimension(), d -> new ArrayList<>()).add(share);
        }
        int shareNo = 0;
        for (Map.Entry<Dimension, List<Share>> e : byDimension.entrySet()) {
            Dimension dimension = e.getKey();
            List<Share> of = e.getValue();
            List<BigDecimal> parts = AnalyticSplit.split(amount, of.stream().map(Share::percentOrAll).toList());
            for (int i = 0; i < of.size(); i++) {
                String code = of.get(i).canonicalCode();
                long valueId = analytic.idOf(dimension, code);
                BigDecimal part = parts.get(i);
                BigDecimal debit = debitSide ? part : BigDecimal.ZERO;
                BigDecimal credit = debitSide ? BigDecimal.ZERO : part;
                shares.setLong(1, org);
                shares.setLong(2, entryId);
                shares.setInt(3, lineNo);
                shares.setInt(4, ++shareNo);
                shares.setObject(5, dimension == Dimension.PROJECT ? valueId : null);
                shares.setObject(6, dimension == Dimension.GRANT ? valueId : null);
                shares.setString(7, dimension == Dimension.ACTIVITY ? Activity.ofValueId(valueId).name() : null);
                shares.setObject(8, dimension == Dimension.WORK_CENTRE ? valueId : null);
                shares.setBigDecimal(9, of.get(i).percentOrAll());
                shares.setBigDecimal(10, debit);
                shares.setBigDecimal(11, credit);
                shares.add();
                add(totals, new AnalyticKey(dimension.name(), valueId, period, account), debit, credit);
            }
        }
    }

    private static <K> void add(Map<K, BigDecimal[]> totals, K key, BigDecimal debit, BigDecimal credit) {
        BigDecimal[] t = totals.computeIfAbsent(key, k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
        t[0] = t[0].add(debit);
        t[1] = t[1].add(credit);
    }

    @FunctionalInterface
    private interface KeyBinder<K> {
        /** Binds the key from parameter {@code first} on and answers the index of the debit parameter. */
        int bind(PreparedStatement s, int first, K key) throws SQLException;
    }

    /**
     * Adds the totals to a balance table ({@code table} names it and its columns up to the key's last, {@code keys} of
     * them after the organisation), in the keys' order so that every posting takes the rows' locks in the same order.
     * Up to {@value Jdbc#IN_LIST} rows go in one statement: the driver has no bulk form for
     * {@code ON DUPLICATE KEY UPDATE} and sends such a batch as one statement per row, about 10,000 round trips for a
     * 1,000,000-line import.
     */
    private static <K> void upsert(Connection c, String table, int keys, Map<K, BigDecimal[]> totals,
            KeyBinder<K> binder, long org) throws SQLException {
        String row = "(" + Jdbc.placeholders(keys + 3) + ")";
        for (List<Map.Entry<K, BigDecimal[]>> chunk : Jdbc.chunks(totals.entrySet())) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + ", debit, credit) VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), row))
                    + " ON DUPLICATE KEY UPDATE debit = debit + VALUES(debit), credit = credit + VALUES(credit)")) {
                int p = 1;
                for (Map.Entry<K, BigDecimal[]> e : chunk) {
                    s.setLong(p++, org);
                    p = binder.bind(s, p, e.getKey());
                    s.setBigDecimal(p++, e.getValue()[0]);
                    s.setBigDecimal(p++, e.getValue()[1]);
                }
                s.executeUpdate();
            }
        }
    }

    private static void updateCounters(Connection c, long org, Map<Long, int[]> counters) throws SQLException {
        try (PreparedStatement s = c
                .prepareStatement("UPDATE entry_counter SET last_number = ? WHERE org_id = ? AND fiscal_year_id = ?")) {
            for (Map.Entry<Long, int[]> e : counters.entrySet()) {
                s.setInt(1, e.getValue()[0]);
                s.setLong(2, org);
                s.setLong(3, e.getKey());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void updateChain(Connection c, long org, long seq, String hash) throws SQLException {
        try (PreparedStatement s = c
                .prepareStatement("UPDATE ledger_chain SET last_seq = ?, last_hash = ? WHERE org_id = ?")) {
            s.setLong(1, seq);
            s.setString(2, hash);
            s.setLong(3, org);
            s.executeUpdate();
        }
    }

    // ---- helpers

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String nif(String text) {
        return text == null || text.isBlank() ? null : TaxId.of(text).value();
    }

    // ---- refusals

    public static class DateLockedException extends HubException {
        private static final long serialVersionUID = 1L;

        public DateLockedException(String field, LocalDate date, LocalDate hardLock) {
            super(Kind.CONFLICT, field, "lock.hard", new Object[] { date, hardLock });
        }
    }

    public static class SoftLockedException extends HubException {
        private static final long serialVersionUID = 1L;

        public SoftLockedException(String field, LocalDate date, LocalDate softLock) {
            super(Kind.CONFLICT, field, "lock.soft", new Object[] { date, softLock });
        }
    }

    public static class SoftLockOverrideRefusedException extends HubException {
        private static final long serialVersionUID = 1L;

        public SoftLockOverrideRefusedException() {
            super(Kind.FORBIDDEN, "overrideSoftLock", "lock.soft.override", null);
        }
    }

    public static class FiscalYearClosedException extends HubException {
        private static final long serialVersionUID = 1L;

        public FiscalYearClosedException(String field, LocalDate date, int year) {
            super(Kind.CONFLICT, field, "year.closed.posting", new Object[] { date, year });
        }
    }

    /** The journal of the year is legalised: its entries and numbers are final. */
    public static class FiscalYearLegalisedException extends HubException {
        private static final long serialVersionUID = 1L;

        public FiscalYearLegalisedException(int year, LocalDate date) {
            this(date == null ? "year" : "date", year, date);
        }

        public FiscalYearLegalisedException(String field, int year, LocalDate date) {
            super(Kind.CONFLICT, field, date == null ? "year.legalised.numbering" : "year.legalised.posting",
                    new Object[] { year, date });
        }
    }

    public static class AlreadyReversedException extends HubException {
        private static final long serialVersionUID = 1L;

        public AlreadyReversedException() {
            super(Kind.CONFLICT, null, "entry.reversed", null);
        }
    }

    /** The database failed while posting; the transaction rolls back and nothing is posted. */
    public static class LedgerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public LedgerFailure(SQLException cause) {
            super("The ledger could not be written: " + cause.getMessage(), cause);
        }
    }
}
