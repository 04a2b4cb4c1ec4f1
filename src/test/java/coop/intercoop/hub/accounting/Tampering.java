package coop.intercoop.hub.accounting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What someone with write access to the database but not to the hub's key does to rewrite the books: takes the
 * immutability triggers away, changes rows, recomputes the unkeyed SHA-256 chain (scheme 1, as published in the README)
 * with code of their own, and puts the triggers back. Written independently of the hub's classes, as an attacker would.
 */
final class Tampering {

    private static final String[] LEDGER_TRIGGERS = { "journal_entry_immutable_update",
            "journal_entry_immutable_delete", "journal_line_immutable_update", "journal_line_immutable_delete",
            "line_allocation_immutable_update", "line_allocation_immutable_delete" };

    private Tampering() {
    }

    /** Runs the change with the named triggers dropped, and recreates them as they were. */
    static void withoutTriggers(Connection c, String[] triggers, SqlWork work) throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (String trigger : triggers) {
                try (PreparedStatement q = c.prepareStatement("SELECT ACTION_TIMING, EVENT_MANIPULATION, "
                        + "EVENT_OBJECT_TABLE, ACTION_STATEMENT FROM information_schema.TRIGGERS "
                        + "WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = ?")) {
                    q.setString(1, trigger);
                    try (ResultSet r = q.executeQuery()) {
                        if (r.next()) {
                            definitions.add("CREATE TRIGGER " + trigger + " " + r.getString(1) + " " + r.getString(2)
                                    + " ON " + r.getString(3) + " FOR EACH ROW " + r.getString(4));
                        }
                    }
                }
            }
            for (String trigger : triggers) {
                s.execute("DROP TRIGGER IF EXISTS " + trigger);
            }
            try {
                work.run(c);
            } finally {
                for (String definition : definitions) {
                    s.execute(definition);
                }
            }
        }
    }

    interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    /** Changes the amount of a two-line entry (both lines, so it stays balanced) and recomputes the whole chain. */
    static void rewriteAmount(Connection c, long org, long entryId, String amount) throws SQLException {
        withoutTriggers(c, LEDGER_TRIGGERS, x -> {
            update(c, "UPDATE journal_line SET debit = ? WHERE org_id = ? AND entry_id = ? AND debit > 0", amount, org,
                    entryId);
            update(c, "UPDATE journal_line SET credit = ? WHERE org_id = ? AND entry_id = ? AND credit > 0", amount,
                    org, entryId);
            update(c, "UPDATE line_allocation SET debit = ? WHERE org_id = ? AND entry_id = ? AND debit > 0", amount,
                    org, entryId);
            update(c, "UPDATE line_allocation SET credit = ? WHERE org_id = ? AND entry_id = ? AND credit > 0", amount,
                    org, entryId);
            update(c, "UPDATE journal_entry SET total = ? WHERE org_id = ? AND id = ?", amount, org, entryId);
            recomputePlainChain(c, org);
        });
    }

    /** Deletes the organisation's newest entry and moves the chain head back to the one before. */
    static void removeNewest(Connection c, long org) throws SQLException {
        withoutTriggers(c, LEDGER_TRIGGERS, x -> {
            long id;
            long seq;
            String prev;
            try (PreparedStatement s = c.prepareStatement("SELECT id, chain_seq, prev_hash FROM journal_entry "
                    + "WHERE org_id = ? ORDER BY chain_seq DESC LIMIT 1")) {
                s.setLong(1, org);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    id = r.getLong(1);
                    seq = r.getLong(2);
                    prev = r.getString(3);
                }
            }
            update(c, "DELETE FROM line_allocation WHERE org_id = ? AND entry_id = ?", org, id);
            update(c, "DELETE FROM journal_line WHERE org_id = ? AND entry_id = ?", org, id);
            update(c, "DELETE FROM journal_entry WHERE org_id = ? AND id = ?", org, id);
            update(c, "UPDATE ledger_chain SET last_seq = ?, last_hash = ? WHERE org_id = ?", seq - 1, prev, org);
        });
    }

    /** Recomputes every entry's hash with the unkeyed scheme 1, in chain order, and the chain head. */
    static void recomputePlainChain(Connection c, long org) throws SQLException {
        boolean keyColumn = hasColumn(c, "journal_entry", "hash_key_id");
        List<Object[]> entries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT e.id, f.year, e.entry_no, e.entry_date, e.journal, "
                + "e.description, e.document_ref FROM journal_entry e JOIN fiscal_year f ON f.org_id = e.org_id "
                + "AND f.id = e.fiscal_year_id WHERE e.org_id = ? ORDER BY e.chain_seq")) {
            s.setLong(1, org);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(new Object[] { r.getLong(1), r.getInt(2), r.getInt(3), r.getDate(4).toString(),
                            r.getString(5), r.getString(6), r.getString(7) });
                }
            }
        }
        String previous = null;
        for (Object[] e : entries) {
            StringBuilder text = new StringBuilder();
            for (Object field : new Object[] { "ICH-LEDGER-1", previous, org, e[1], e[2], e[3], e[4], e[5], e[6] }) {
                field(text, field);
            }
            try (PreparedStatement s = c.prepareStatement("SELECT l.line_no, a.code, l.debit, l.credit, l.text, "
                    + "l.third_party_nif FROM journal_line l JOIN account a ON a.org_id = l.org_id "
                    + "AND a.id = l.account_id WHERE l.org_id = ? AND l.entry_id = ? ORDER BY l.line_no")) {
                s.setLong(1, org);
                s.setLong(2, (Long) e[0]);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        field(text, r.getInt(1));
                        field(text, r.getString(2));
                        field(text, r.getBigDecimal(3).setScale(2, RoundingMode.UNNECESSARY).toPlainString());
                        field(text, r.getBigDecimal(4).setScale(2, RoundingMode.UNNECESSARY).toPlainString());
                        field(text, r.getString(5));
                        field(text, r.getString(6));
                    }
                }
            }
            String hash = sha256(text.toString());
            update(c,
                    "UPDATE journal_entry SET hash_version = 1, prev_hash = ?, hash = ?"
                            + (keyColumn ? ", hash_key_id = NULL" : "") + " WHERE org_id = ? AND id = ?",
                    previous, hash, org, e[0]);
            previous = hash;
        }
        update(c, "UPDATE ledger_chain SET last_hash = ? WHERE org_id = ?", previous, org);
    }

    private static void field(StringBuilder text, Object value) {
        String v = value == null ? "" : value.toString();
        text.append(v.length()).append(':').append(v).append(';');
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        try (ResultSet r = c.getMetaData().getColumns(c.getCatalog(), null, table, column)) {
            return r.next();
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                s.setObject(i + 1, a instanceof String n && n.matches("\\d+\\.\\d\\d") ? new BigDecimal(n) : a);
            }
            return s.executeUpdate();
        }
    }
}
