package coop.intercoop.hub.accounting.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.Mac;
import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import coop.intercoop.hub.platform.Jdbc;
import coop.intercoop.hub.accounting.control.Integrity.Broken;
import coop.intercoop.hub.accounting.entity.EntryHash;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.audit.control.Anchors;
import coop.intercoop.hub.audit.control.IntegrityKeys;
import coop.intercoop.hub.audit.control.KeyedChain;
import coop.intercoop.hub.platform.Database;

/**
 * The organisations' ledgers as keyed chains: walks a chain from the posted rows as they are now, in posting order,
 * recomputing each entry's digest with its scheme (and key) and its link to the one before, and compares the positions
 * an anchor recorded. Reads the chain's head first and walks up to it, so entries posted meanwhile do not disturb the
 * walk; reads in pages so a chain of millions of entries runs in constant memory. Every statement names the
 * organisation.
 */
@ApplicationScoped
public class LedgerChain implements KeyedChain {

    static final String NAME = "ledger";
    private static final int PAGE = 1000;

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    IntegrityKeys keys;

    /** Where a walk ended: the last position and digest reached, and the first break if there is one. */
    record Walk(long checked, long lastSeq, String lastHash, Broken broken) {
    }

    private record Row(long id, long seq, int year, int number, LocalDate date, Journal journal, String description,
            String document, int version, Integer keyId, String prevHash, String hash) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Long> chainIds() {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c
                        .prepareStatement("SELECT org_id FROM ledger_chain WHERE last_seq > 0 ORDER BY org_id");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
        return ids;
    }

    @Override
    public Optional<Position> verifiedHead(long org, Position from, boolean unkeyedAllowed) {
        try (Connection c = dataSource.getConnection()) {
            Walk walk = walk(c, org, from, Map.of(), unkeyedAllowed);
            return walk.broken() == null ? Optional.of(new Position(walk.lastSeq(), walk.lastHash()))
                    : Optional.empty();
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
    }

    /**
     * Walks the organisation's chain after {@code from} (from the start when {@code null}) to its head. Entries of the
     * unkeyed scheme 1 pass only before the first keyed one and, when {@code unkeyedAllowed} is false, not at all;
     * otherwise scheme-1 entries that no keyed entry follows must lie at or before the latest anchored position, as
     * nothing else tells them from a rewrite. An anchored position must hold the anchored digest, and the chain must
     * reach the latest anchored position.
     */
    Walk walk(Connection c, long org, Position from, Map<Long, Anchors.Anchor> anchored, boolean unkeyedAllowed)
            throws SQLException {
        long headSeq = 0;
        String headHash = null;
        try (PreparedStatement s = c
                .prepareStatement("SELECT last_seq, last_hash FROM ledger_chain WHERE org_id = ?")) {
            s.setLong(1, org);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    headSeq = r.getLong(1);
                    headHash = r.getString(2);
                }
            }
        }
        String previous = from == null ? null : from.hash();
        long lastSeq = from == null ? 0 : from.seq();
        long checked = 0;
        long anchoredUpTo = anchored.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        long upTo = Math.max(headSeq, anchoredUpTo);
        boolean keyedSeen = false;
        Row unprovenPlain = null;
        Map<Integer, Mac> macs = new HashMap<>();
        while (true) {
            List<Row> rows = page(c, org, lastSeq, upTo);
            if (rows.isEmpty()) {
                break;
            }
            Map<Long, List<EntryHash.Line>> lines = lines(c, org, rows);
            for (Row row : rows) {
                if (row.seq != lastSeq + 1) {
                    return new Walk(checked, lastSeq, previous, new Broken(null, null, null,
                            "The entry at chain position " + (lastSeq + 1) + " is missing."));
                }
                if (!Objects.equals(row.prevHash, previous)) {
                    return new Walk(checked, lastSeq, previous,
                            broken(row, "its link to the previous entry does not match that entry's hash"));
                }
                List<EntryHash.Line> its = lines.getOrDefault(row.id, Collections.emptyList());
                String recomputed;
                if (row.version == EntryHash.PLAIN) {
                    if (keyedSeen || !unkeyedAllowed) {
                        return new Walk(checked, lastSeq, previous, broken(row, "it carries the unkeyed scheme 1, "
                                + "which the hub no longer posts with: it was rewritten without the hub's key"));
                    }
                    if (unprovenPlain == null && row.seq > anchoredUpTo) {
                        unprovenPlain = row;
                    }
                    recomputed = EntryHash.plain(previous, org, row.year, row.number, row.date, row.journal,
                            row.description, row.document, its);
                } else if (row.version == EntryHash.KEYED && row.keyId != null) {
                    Mac mac = macs.computeIfAbsent(row.keyId, id -> keys.mac(id).orElse(null));
                    if (mac == null) {
                        return new Walk(checked, lastSeq, previous, broken(row, "it is keyed with key " + row.keyId
                                + ", which this hub does not hold; restore that key in the key file to verify it"));
                    }
                    recomputed = EntryHash.keyed(mac, row.keyId, previous, org, row.year, row.number, row.date,
                            row.journal, row.description, row.document, its);
                    keyedSeen = true;
                    unprovenPlain = null;
                } else {
                    return new Walk(checked, lastSeq, previous,
                            broken(row, "its hashing scheme " + row.version + " is not one the hub uses"));
                }
                if (!recomputed.equals(row.hash)) {
                    return new Walk(checked, lastSeq, previous,
                            broken(row, "its content no longer matches its hash: it was changed after posting"));
                }
                Anchors.Anchor anchor = anchored.get(row.seq);
                if (anchor != null && !anchor.hash().equals(row.hash)) {
                    return new Walk(checked, lastSeq, previous, broken(row, "its hash differs from the one anchored "
                            + "outside the database at " + anchor.at() + ": the chain was rewritten since"));
                }
                previous = row.hash;
                lastSeq = row.seq;
                checked++;
            }
        }
        if (lastSeq < anchoredUpTo) {
            Anchors.Anchor anchor = anchored.get(anchoredUpTo);
            return new Walk(checked, lastSeq, previous,
                    new Broken(null, null, null,
                            "The chain ends at position " + lastSeq + " but the anchor of " + anchor.at()
                                    + " recorded it at position " + anchoredUpTo + ": posted entries were removed."));
        }
        if (unprovenPlain != null) {
            return new Walk(checked, lastSeq, previous, broken(unprovenPlain, "it and the entries after it carry the "
                    + "unkeyed scheme 1 and no anchor covers them, so they cannot be told from a rewrite"));
        }
        if (headSeq != lastSeq || !Objects.equals(headHash, previous)) {
            return new Walk(checked, lastSeq, previous, new Broken(null, null, null, "The chain should end at position "
                    + headSeq + " but its last entry is at position " + lastSeq + "."));
        }
        return new Walk(checked, lastSeq, previous, null);
    }

    private static Broken broken(Row row, String why) {
        return new Broken(row.id, row.year, row.number,
                "Entry " + row.number + "/" + row.year + " (id " + row.id + "): " + why + ".");
    }

    private static List<Row> page(Connection c, long org, long afterSeq, long upTo) throws SQLException {
        List<Row> rows = new ArrayList<>(PAGE);
        try (PreparedStatement s = c.prepareStatement("SELECT e.id, e.chain_seq, f.year, e.entry_no, e.entry_date, "
                + "e.journal, e.description, e.document_ref, e.hash_version, e.hash_key_id, e.prev_hash, e.hash "
                + "FROM journal_entry e JOIN fiscal_year f ON f.org_id = e.org_id AND f.id = e.fiscal_year_id "
                + "WHERE e.org_id = ? AND e.chain_seq > ? AND e.chain_seq <= ? ORDER BY e.chain_seq LIMIT " + PAGE)) {
            s.setLong(1, org);
            s.setLong(2, afterSeq);
            s.setLong(3, upTo);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int keyId = r.getInt(10);
                    Integer key = r.wasNull() ? null : keyId;
                    rows.add(new Row(r.getLong(1), r.getLong(2), r.getInt(3), r.getInt(4), r.getDate(5).toLocalDate(),
                            Journal.valueOf(r.getString(6)), r.getString(7), r.getString(8), r.getInt(9), key,
                            r.getString(11), r.getString(12)));
                }
            }
        }
        return rows;
    }

    private static Map<Long, List<EntryHash.Line>> lines(Connection c, long org, List<Row> rows) throws SQLException {
        Map<Long, List<EntryHash.Line>> lines = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT l.entry_id, l.line_no, a.code, l.debit, l.credit, "
                + "l.text, l.third_party_nif FROM journal_line l JOIN account a ON a.org_id = l.org_id "
                + "AND a.id = l.account_id WHERE l.org_id = ? AND l.entry_id IN (" + Jdbc.placeholders(rows.size())
                + ") ORDER BY l.entry_id, l.line_no")) {
            s.setLong(1, org);
            for (int i = 0; i < rows.size(); i++) {
                s.setLong(i + 2, rows.get(i).id);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    lines.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new EntryHash.Line(r.getInt(2),
                            r.getString(3), r.getBigDecimal(4), r.getBigDecimal(5), r.getString(6), r.getString(7)));
                }
            }
        }
        return lines;
    }
}
