package coop.intercoop.hub.accounting.control;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.Mac;
import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.accounting.control.Integrity.Broken;
import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.audit.control.IntegrityKeys;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.Jdbc;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * The legalisation of the journal (libro diario) of the checked organisation's fiscal years. Posting numbers entries in
 * posting order; before the journal is legalised at the Registro Mercantil (Código de Comercio, art. 27) or at the
 * registry of associations or foundations, its entries must run in date order. {@link #renumber} gives every entry of
 * the year a legal number in the journal's order — by date, and within a date the opening entry first, then by posting
 * number, and the year-end entries (regularisation, closing) last — as a new record: a numbering version sealed with
 * the hub's integrity key and chained to the year's previous numbering; no posted entry is touched. {@link #legalise}
 * then makes the numbers final: a legalised year is neither renumbered nor posted in any more.
 * <p>
 * A numbering counts as the year's numbers while it numbers every entry of the year; an entry posted after it makes it
 * outdated, and the journal shows posting numbers again until the year is renumbered. Every statement names the
 * organisation (DESIGN rule 1).
 */
@Dependent
public class Legalisation {

    /** The tag of the seal's text, naming its layout. */
    static final String SCHEME = "ICH-NUMBERING-1";

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Tenant tenant;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    IntegrityKeys keys;

    @Inject
    Ledger ledger;

    @Inject
    FiscalYears fiscalYears;

    /** A numbering made: the year, its version and how many entries it numbers. */
    public record Numbering(int year, int version, int entries) {
    }

    /**
     * A legalised year: how many entries its journal has, and the numbering that gives their numbers (null: posting).
     */
    public record Legalised(int year, int entries, Integer numbering) {
    }

    /**
     * The legal number of the journal entry {@code alias} as SQL: its number in its fiscal year's current numbering
     * while that numbering numbers every entry of the year, otherwise its posting number.
     */
    public static String legalNumber(String alias) {
        return ("COALESCE((SELECT n.legal_no FROM fiscal_year nf "
                + "JOIN entry_numbering nb ON nb.org_id = nf.org_id AND nb.id = nf.numbering_id "
                + "JOIN entry_counter nc ON nc.org_id = nf.org_id AND nc.fiscal_year_id = nf.id "
                + "AND nc.last_number = nb.entries "
                + "JOIN entry_legal_number n ON n.org_id = nb.org_id AND n.numbering_id = nb.id "
                + "WHERE nf.org_id = %1$s.org_id AND nf.id = %1$s.fiscal_year_id AND n.entry_id = %1$s.id), "
                + "%1$s.entry_no)").formatted(alias);
    }

    private record Year(long id, Long numberingId, boolean legalised, int entries) {
    }

    private record Previous(int version, String mac, int entries) {
    }

    /**
     * Numbers every entry of the fiscal year again in the journal's order, as a new numbering version. Runs under the
     * books lock ({@link Ledger#lockBooks}), so a posting in progress finishes first and none slips in meanwhile.
     *
     * @throws NotFoundException
     *             if the organisation has no such fiscal year
     * @throws Ledger.FiscalYearLegalisedException
     *             if its journal is legalised: its numbers are final
     */
    public Numbering renumber(int year) {
        long org = tenant.id();
        ledger.lockBooks();
        try (Connection c = dataSource.getConnection()) {
            Year fiscalYear = lockYear(c, org, year);
            if (fiscalYear.legalised) {
                throw new Ledger.FiscalYearLegalisedException(year, null);
            }
            Previous previous = fiscalYear.numberingId == null ? null : numbering(c, org, fiscalYear.numberingId);
            int version = previous == null ? 1 : previous.version + 1;
            IntegrityKeys.Keyed key = keys.current();
            Mac mac = key.mac();
            long[] ids = new long[fiscalYear.entries];
            int count = 0;
            seal(mac, key.keyId(), previous == null ? null : previous.mac, org, year, version, fiscalYear.entries);
            try (PreparedStatement s = c.prepareStatement("SELECT e.id, e.hash FROM journal_entry e "
                    + "WHERE e.org_id = ? AND e.fiscal_year_id = ? ORDER BY e.entry_date, e.day_rank, e.entry_no")) {
                s.setLong(1, org);
                s.setLong(2, fiscalYear.id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (count == ids.length) {
                            throw new IllegalStateException(
                                    "The fiscal year " + year + " counts " + ids.length + " entries but has more");
                        }
                        ids[count] = r.getLong(1);
                        count++;
                        sealEntry(mac, count, ids[count - 1], r.getString(2));
                    }
                }
            }
            if (count != fiscalYear.entries) {
                throw new IllegalStateException("The fiscal year " + year + " counts " + fiscalYear.entries
                        + " entries but " + count + " were read");
            }
            String sealed = HexFormat.of().formatHex(mac.doFinal());
            long numberingId = insertNumbering(c, org, fiscalYear.id, version, count, key.keyId(),
                    previous == null ? null : previous.mac, sealed);
            insertNumbers(c, org, numberingId, ids);
            fiscalYears.renumbered(fiscalYear.id, numberingId);
            audit.record(org, "accounting.fiscal-year-renumbered", "fiscal-year", String.valueOf(fiscalYear.id),
                    year + ": numbering " + version + " of " + count + " entries by date");
            return new Numbering(year, version, count);
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    /**
     * Marks the fiscal year's journal as legalised: its numbers — the current numbering's, or the posting numbers if
     * the year was never renumbered — are final, and nothing more is posted, reversed or renumbered in it.
     *
     * @throws NotFoundException
     *             if the organisation has no such fiscal year
     * @throws Ledger.FiscalYearLegalisedException
     *             if it is legalised already
     * @throws OutdatedNumberingException
     *             if entries were posted after its latest numbering, which then does not number them
     */
    public Legalised legalise(int year) {
        long org = tenant.id();
        ledger.lockBooks();
        try (Connection c = dataSource.getConnection()) {
            Year fiscalYear = lockYear(c, org, year);
            if (fiscalYear.legalised) {
                throw new Ledger.FiscalYearLegalisedException(year, null);
            }
            Previous current = fiscalYear.numberingId == null ? null : numbering(c, org, fiscalYear.numberingId);
            if (current != null && current.entries != fiscalYear.entries) {
                throw new OutdatedNumberingException(year, current.entries, fiscalYear.entries);
            }
            fiscalYears.legalise(fiscalYear.id, caller.user().getId());
            audit.record(org, "accounting.fiscal-year-legalised", "fiscal-year", String.valueOf(fiscalYear.id),
                    year + ": " + fiscalYear.entries + " entries, "
                            + (current == null ? "posting numbers" : "numbering " + current.version));
            return new Legalised(year, fiscalYear.entries, current == null ? null : current.version);
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    private static Year lockYear(Connection c, long org, int year) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT f.id, f.numbering_id, f.legalised_at IS NOT NULL, "
                + "n.last_number FROM fiscal_year f JOIN entry_counter n ON n.org_id = f.org_id "
                + "AND n.fiscal_year_id = f.id WHERE f.org_id = ? AND f.year = ? FOR UPDATE")) {
            s.setLong(1, org);
            s.setInt(2, year);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new NotFoundException("fiscal year", year);
                }
                long numbering = r.getLong(2);
                Long current = r.wasNull() ? null : numbering;
                return new Year(r.getLong(1), current, r.getBoolean(3), r.getInt(4));
            }
        }
    }

    private static Previous numbering(Connection c, long org, long id) throws SQLException {
        try (PreparedStatement s = c
                .prepareStatement("SELECT version, mac, entries FROM entry_numbering WHERE org_id = ? AND id = ?")) {
            s.setLong(1, org);
            s.setLong(2, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Previous(r.getInt(1), r.getString(2), r.getInt(3));
            }
        }
    }

    private long insertNumbering(Connection c, long org, long fiscalYearId, int version, int entries, int keyId,
            String previousMac, String mac) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO entry_numbering (org_id, fiscal_year_id, version, "
                        + "entries, created_at, created_by, key_id, prev_mac, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, org);
            s.setLong(2, fiscalYearId);
            s.setInt(3, version);
            s.setInt(4, entries);
            s.setTimestamp(5, Timestamp.from(Instant.now()));
            s.setLong(6, caller.user().getId());
            s.setInt(7, keyId);
            s.setString(8, previousMac);
            s.setString(9, mac);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertNumbers(Connection c, long org, long numberingId, long[] ids) throws SQLException {
        try (Jdbc.Batch s = Jdbc.Batch.of(c,
                "INSERT INTO entry_legal_number (org_id, numbering_id, legal_no, entry_id) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < ids.length; i++) {
                s.setLong(1, org);
                s.setLong(2, numberingId);
                s.setInt(3, i + 1);
                s.setLong(4, ids[i]);
                s.add();
            }
            s.send();
        }
    }

    // ---- the seal

    /**
     * Starts a numbering's seal: HMAC-SHA256, with the key {@code keyId}, of length-prefixed UTF-8 fields
     * ({@code <length>:<text>;}) — the scheme tag, the key id, the previous numbering's seal of the year (empty for the
     * first), the organisation, the fiscal year, the version and the number of entries — then per entry, in legal
     * order, its legal number, id and posted hash, which ties each number to the entry's content in the ledger's chain.
     */
    static void seal(Mac mac, int keyId, String previousMac, long org, int year, int version, int entries) {
        field(mac, SCHEME);
        field(mac, Integer.toString(keyId));
        field(mac, previousMac);
        field(mac, Long.toString(org));
        field(mac, Integer.toString(year));
        field(mac, Integer.toString(version));
        field(mac, Integer.toString(entries));
    }

    static void sealEntry(Mac mac, int legalNumber, long entryId, String hash) {
        field(mac, Integer.toString(legalNumber));
        field(mac, Long.toString(entryId));
        field(mac, hash);
    }

    private static void field(Mac mac, String value) {
        String v = value == null ? "" : value;
        mac.update((v.length() + ":" + v + ";").getBytes(StandardCharsets.UTF_8));
    }

    // ---- verification

    private record Sealed(long id, long fiscalYearId, int year, int version, int entries, int keyId, String previousMac,
            String mac, Long current) {
    }

    /**
     * Verifies every numbering of the organisation: each version follows the previous one of its year and carries its
     * seal as the link, the legal numbers run 1..N over as many entries as it records, the seal recomputed with its key
     * over the numbers and the entries' posted hashes matches, and each year's current numbering is its latest.
     *
     * @return the first numbering that does not verify, or empty
     */
    Optional<Broken> verify(Connection c, long org) throws SQLException {
        List<Sealed> all = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT b.id, b.fiscal_year_id, f.year, b.version, b.entries, "
                + "b.key_id, b.prev_mac, b.mac, f.numbering_id FROM entry_numbering b JOIN fiscal_year f "
                + "ON f.org_id = b.org_id AND f.id = b.fiscal_year_id WHERE b.org_id = ? "
                + "ORDER BY f.year, b.version")) {
            s.setLong(1, org);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long pointed = r.getLong(9);
                    Long current = r.wasNull() ? null : pointed;
                    all.add(new Sealed(r.getLong(1), r.getLong(2), r.getInt(3), r.getInt(4), r.getInt(5), r.getInt(6),
                            r.getString(7), r.getString(8), current));
                }
            }
        }
        Map<Long, Sealed> latest = new HashMap<>();
        for (Sealed n : all) {
            Sealed before = latest.get(n.fiscalYearId);
            int expected = before == null ? 1 : before.version + 1;
            if (n.version != expected || !Objects.equals(n.previousMac, before == null ? null : before.mac)) {
                return Optional.of(broken(n, "it does not follow the year's numbering " + (expected - 1)
                        + ": a numbering was removed or its link changed"));
            }
            Optional<Mac> mac = keys.mac(n.keyId);
            if (mac.isEmpty()) {
                return Optional.of(broken(n, "it is sealed with key " + n.keyId + ", which this hub does not hold"));
            }
            seal(mac.get(), n.keyId, n.previousMac, org, n.year, n.version, n.entries);
            int count = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT n.legal_no, n.entry_id, e.hash "
                    + "FROM entry_legal_number n LEFT JOIN journal_entry e ON e.org_id = n.org_id "
                    + "AND e.id = n.entry_id AND e.fiscal_year_id = ? WHERE n.org_id = ? AND n.numbering_id = ? "
                    + "ORDER BY n.legal_no")) {
                s.setLong(1, n.fiscalYearId);
                s.setLong(2, org);
                s.setLong(3, n.id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        count++;
                        if (r.getInt(1) != count || r.getString(3) == null) {
                            return Optional.of(broken(n, "its legal number " + count + " is missing or names an "
                                    + "entry of another year"));
                        }
                        sealEntry(mac.get(), r.getInt(1), r.getLong(2), r.getString(3));
                    }
                }
            }
            String recomputed = HexFormat.of().formatHex(mac.get().doFinal());
            if (count != n.entries || !recomputed.equals(n.mac)) {
                return Optional.of(broken(n,
                        "its legal numbers no longer match its seal: they were changed after " + "it was made"));
            }
            latest.put(n.fiscalYearId, n);
        }
        for (Sealed n : latest.values()) {
            if (!Long.valueOf(n.id).equals(n.current)) {
                return Optional.of(broken(n, "the fiscal year no longer points at its latest numbering"));
            }
        }
        return Optional.empty();
    }

    private static Broken broken(Sealed n, String why) {
        return new Broken(null, n.year, null,
                "Numbering " + n.version + " of the fiscal year " + n.year + ": " + why + ".");
    }

    // ---- refusals

    public static class OutdatedNumberingException extends HubException {
        private static final long serialVersionUID = 1L;

        public OutdatedNumberingException(int year, int numbered, int entries) {
            super(Kind.CONFLICT, "year", "year.numbering.outdated", new Object[] { year, numbered, entries });
        }
    }
}
