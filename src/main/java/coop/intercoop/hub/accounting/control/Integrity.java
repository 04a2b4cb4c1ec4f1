package coop.intercoop.hub.accounting.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.accounting.entity.EntryHash;
import coop.intercoop.hub.accounting.entity.Journal;
import coop.intercoop.hub.audit.control.AuditTrail;
import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.tenancy.control.Tenant;

/**
 * Recomputes the checked organisation's hash chain from the posted rows as they are now, in posting order, and names
 * the first entry that no longer matches: content changed after posting, a link to the previous entry broken, or an
 * entry missing from the chain. Reads in pages so a chain of millions of entries runs in constant memory.
 */
@Dependent
public class Integrity {

    private static final int PAGE = 1000;

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    Tenant tenant;

    @Inject
    AuditTrail audit;

    public record Broken(Long id, Integer fiscalYear, Integer number, String reason) {
    }

    public record Report(boolean intact, long entriesChecked, Broken firstBroken) {
    }

    private record Row(long id, long seq, int year, int number, java.time.LocalDate date, Journal journal,
            String description, String document, int version, String prevHash, String hash) {
    }

    public Report check() {
        long org = tenant.id();
        Report report;
        try (Connection c = dataSource.getConnection()) {
            report = walk(c, org);
        } catch (SQLException e) {
            throw new Ledger.LedgerFailure(e);
        }
        audit.record(org, "accounting.integrity-checked", "ledger", String.valueOf(org),
                report.intact() ? report.entriesChecked() + " entries intact"
                        : "broken at " + report.firstBroken().reason());
        return report;
    }

    private static Report walk(Connection c, long org) throws SQLException {
        String previous = null;
        long checked = 0;
        long lastSeq = 0;
        while (true) {
            List<Row> rows = page(c, org, lastSeq);
            if (rows.isEmpty()) {
                break;
            }
            Map<Long, List<EntryHash.Line>> lines = lines(c, org, rows);
            for (Row row : rows) {
                if (row.seq != lastSeq + 1) {
                    return new Report(false, checked, new Broken(null, null, null,
                            "The entry at chain position " + (lastSeq + 1) + " is missing."));
                }
                if (!Objects.equals(row.prevHash, previous)) {
                    return new Report(false, checked,
                            broken(row, "its link to the previous entry does not match that entry's hash"));
                }
                String recomputed = EntryHash.of(row.version, previous, org, row.year, row.number, row.date,
                        row.journal, row.description, row.document,
                        lines.getOrDefault(row.id, Collections.emptyList()));
                if (!recomputed.equals(row.hash)) {
                    return new Report(false, checked,
                            broken(row, "its content no longer matches its hash: it was changed after posting"));
                }
                previous = row.hash;
                lastSeq = row.seq;
                checked++;
            }
        }
        try (PreparedStatement s = c
                .prepareStatement("SELECT last_seq, last_hash FROM ledger_chain WHERE org_id = ?")) {
            s.setLong(1, org);
            try (ResultSet r = s.executeQuery()) {
                if (r.next() && (r.getLong(1) != lastSeq || !Objects.equals(r.getString(2), previous))) {
                    return new Report(false, checked, new Broken(null, null, null, "The chain should end at position "
                            + r.getLong(1) + " but its last entry is at position " + lastSeq + "."));
                }
            }
        }
        return new Report(true, checked, null);
    }

    private static Broken broken(Row row, String why) {
        return new Broken(row.id, row.year, row.number,
                "Entry " + row.number + "/" + row.year + " (id " + row.id + "): " + why + ".");
    }

    private static List<Row> page(Connection c, long org, long afterSeq) throws SQLException {
        List<Row> rows = new ArrayList<>(PAGE);
        try (PreparedStatement s = c.prepareStatement("SELECT e.id, e.chain_seq, f.year, e.entry_no, e.entry_date, "
                + "e.journal, e.description, e.document_ref, e.hash_version, e.prev_hash, e.hash FROM journal_entry e "
                + "JOIN fiscal_year f ON f.org_id = e.org_id AND f.id = e.fiscal_year_id "
                + "WHERE e.org_id = ? AND e.chain_seq > ? ORDER BY e.chain_seq LIMIT " + PAGE)) {
            s.setLong(1, org);
            s.setLong(2, afterSeq);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getLong(1), r.getLong(2), r.getInt(3), r.getInt(4), r.getDate(5).toLocalDate(),
                            Journal.valueOf(r.getString(6)), r.getString(7), r.getString(8), r.getInt(9),
                            r.getString(10), r.getString(11)));
                }
            }
        }
        return rows;
    }

    private static Map<Long, List<EntryHash.Line>> lines(Connection c, long org, List<Row> rows) throws SQLException {
        Map<Long, List<EntryHash.Line>> lines = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT l.entry_id, l.line_no, a.code, l.debit, l.credit, "
                + "l.text, l.third_party_nif FROM journal_line l JOIN account a ON a.org_id = l.org_id "
                + "AND a.id = l.account_id WHERE l.org_id = ? AND l.entry_id IN (" + Ledger.placeholders(rows.size())
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
