package coop.intercoop.hub.tenders.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;

import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.Jdbc;
import coop.intercoop.hub.tenders.entity.FeedPage;
import coop.intercoop.hub.tenders.entity.Tender;
import coop.intercoop.hub.tenders.entity.Tender.Award;
import coop.intercoop.hub.tenders.entity.Tender.Criterion;
import coop.intercoop.hub.tenders.entity.Tender.Lot;
import coop.intercoop.hub.tenders.entity.Tender.TenderDocument;

/**
 * Keeps the tenders read from the platform's feed ({@code tender} and its lots, CPV codes, criteria, documents and
 * results), in the caller's transaction. Idempotent by entry: an entry replaces its row only when its {@code updated}
 * is later, so reading a page again changes nothing; a tombstone closes its entry, now or when an older page brings it
 * later. Tenders are public and kept once for the whole hub: no statement here has an organisation predicate, and no
 * table here has an organisation's data.
 */
@Dependent
public class TenderStore {

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    /** What storing a page did: entries new, replaced by a later version, already kept, and tenders closed. */
    public record Outcome(int created, int updated, int unchanged, int closed, Optional<String> next) {
    }

    private record Kept(long id, Instant updated, boolean closed) {
    }

    /** Stores a page read whole; the rows of each entry's earlier version are replaced. */
    public Outcome store(FeedPage page) {
        // the latest version of each entry on the page, in the page's order
        Map<String, Tender> latest = new LinkedHashMap<>();
        for (Tender t : page.entries()) {
            latest.merge(t.entryId(), t, (a, b) -> b.updated().isAfter(a.updated()) ? b : a);
        }
        Map<String, Instant> tombstones = new HashMap<>();
        for (FeedPage.Tombstone t : page.tombstones()) {
            tombstones.merge(t.ref(), t.when(), (a, b) -> b.isAfter(a) ? b : a);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int closed = 0;
        try (Connection c = dataSource.getConnection()) {
            recordTombstones(c, tombstones);
            List<String> ids = new ArrayList<>(latest.keySet());
            ids.addAll(tombstones.keySet());
            Map<String, Kept> kept = kept(c, ids);
            Map<String, Instant> deleted = deleted(c, new ArrayList<>(latest.keySet()));
            Instant now = Instant.now();
            List<Long> replaced = new ArrayList<>();
            Map<Long, Tender> children = new LinkedHashMap<>();
            for (Tender t : latest.values()) {
                Kept k = kept.get(t.entryId());
                Instant closedAt = deleted.get(t.entryId());
                Instant closing = closedAt != null && !closedAt.isBefore(t.updated()) ? closedAt : null;
                if (k == null) {
                    children.put(insert(c, t, closing, now), t);
                    created++;
                } else if (t.updated().isAfter(k.updated())) {
                    update(c, k.id(), t, closing);
                    replaced.add(k.id());
                    children.put(k.id(), t);
                    updated++;
                } else {
                    unchanged++;
                }
            }
            deleteChildren(c, replaced);
            insertChildren(c, children);
            // a tombstone closes the kept tender unless the entry was changed after it, here or before
            for (Map.Entry<String, Instant> tombstone : tombstones.entrySet()) {
                Kept k = kept.get(tombstone.getKey());
                Tender onPage = latest.get(tombstone.getKey());
                boolean republished = onPage != null && onPage.updated().isAfter(tombstone.getValue())
                        || k != null && k.updated().isAfter(tombstone.getValue());
                if (k != null && !k.closed() && !republished) {
                    closed += close(c, k.id(), tombstone.getValue());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The tenders of a feed page could not be stored", e);
        }
        return new Outcome(created, updated, unchanged, closed, page.next());
    }

    private static Map<String, Kept> kept(Connection c, List<String> entryIds) throws SQLException {
        Map<String, Kept> kept = new HashMap<>();
        for (List<String> chunk : Jdbc.chunks(entryIds)) {
            try (PreparedStatement s = c.prepareStatement("SELECT entry_id, id, updated_at, closed_at FROM tender"
                    + " WHERE entry_id IN (" + Jdbc.placeholders(chunk.size()) + ") FOR UPDATE")) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(i + 1, chunk.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        kept.put(r.getString(1),
                                new Kept(r.getLong(2), r.getTimestamp(3).toInstant(), r.getTimestamp(4) != null));
                    }
                }
            }
        }
        return kept;
    }

    private static Map<String, Instant> deleted(Connection c, List<String> entryIds) throws SQLException {
        Map<String, Instant> deleted = new HashMap<>();
        for (List<String> chunk : Jdbc.chunks(entryIds)) {
            try (PreparedStatement s = c.prepareStatement("SELECT entry_id, deleted_at FROM tender_tombstone"
                    + " WHERE entry_id IN (" + Jdbc.placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(i + 1, chunk.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        deleted.put(r.getString(1), r.getTimestamp(2).toInstant());
                    }
                }
            }
        }
        return deleted;
    }

    /** Keeps each tombstone, the latest of an entry's. */
    private static void recordTombstones(Connection c, Map<String, Instant> tombstones) throws SQLException {
        if (tombstones.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO tender_tombstone (entry_id, deleted_at)"
                + " VALUES (?, ?) ON DUPLICATE KEY UPDATE deleted_at = GREATEST(deleted_at, VALUES(deleted_at))")) {
            for (Map.Entry<String, Instant> t : tombstones.entrySet()) {
                s.setString(1, t.getKey());
                s.setTimestamp(2, Timestamp.from(t.getValue()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static final String COLUMNS = "entry_id, updated_at, link, folder_id, status, title, buyer_name,"
            + " buyer_tax_id, buyer_dir3, contract_type, procedure_code, nuts, budget_with_taxes, budget_without_taxes,"
            + " estimated_value, deadline, closed_at, duration_amount, duration_unit, imported_at";

    private static long insert(Connection c, Tender t, Instant closedAt, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO tender (" + COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            set(s, t, closedAt);
            s.setTimestamp(20, Timestamp.from(now));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void update(Connection c, long id, Tender t, Instant closedAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE tender SET entry_id = ?, updated_at = ?, link = ?,"
                + " folder_id = ?, status = ?, title = ?, buyer_name = ?, buyer_tax_id = ?, buyer_dir3 = ?,"
                + " contract_type = ?, procedure_code = ?, nuts = ?, budget_with_taxes = ?, budget_without_taxes = ?,"
                + " estimated_value = ?, deadline = ?, closed_at = ?, duration_amount = ?, duration_unit = ?"
                + " WHERE id = ?")) {
            set(s, t, closedAt);
            s.setLong(20, id);
            s.executeUpdate();
        }
    }

    /** The tender's columns but the first read's time, which only an insert writes. */
    private static void set(PreparedStatement s, Tender t, Instant closedAt) throws SQLException {
        s.setString(1, t.entryId());
        s.setTimestamp(2, Timestamp.from(t.updated()));
        s.setString(3, t.link());
        s.setString(4, t.folderId());
        s.setString(5, t.status());
        s.setString(6, t.title());
        s.setString(7, t.buyer().name());
        s.setString(8, t.buyer().taxId().orElse(null));
        s.setString(9, t.buyer().dir3().orElse(null));
        s.setString(10, t.contractType().orElse(null));
        s.setString(11, t.procedure().orElse(null));
        s.setString(12, t.nuts().orElse(null));
        s.setBigDecimal(13, t.budgetWithTaxes().orElse(null));
        s.setBigDecimal(14, t.budgetWithoutTaxes().orElse(null));
        s.setBigDecimal(15, t.estimatedValue().orElse(null));
        s.setObject(16, t.deadline().orElse(null));
        s.setTimestamp(17, closedAt == null ? null : Timestamp.from(closedAt));
        s.setBigDecimal(18, t.duration().map(Tender.Term::amount).orElse(null));
        s.setString(19, t.duration().map(d -> d.unit().name()).orElse(null));
    }

    private static int close(Connection c, long id, Instant when) throws SQLException {
        try (PreparedStatement s = c
                .prepareStatement("UPDATE tender SET closed_at = ? WHERE id = ? AND closed_at IS NULL")) {
            s.setTimestamp(1, Timestamp.from(when));
            s.setLong(2, id);
            return s.executeUpdate();
        }
    }

    private static final List<String> CHILDREN = List.of("tender_lot", "tender_cpv", "tender_criterion",
            "tender_document", "tender_result");

    private static void deleteChildren(Connection c, List<Long> tenders) throws SQLException {
        for (List<Long> chunk : Jdbc.chunks(tenders)) {
            for (String table : CHILDREN) {
                try (PreparedStatement s = c.prepareStatement(
                        "DELETE FROM " + table + " WHERE tender_id IN (" + Jdbc.placeholders(chunk.size()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setLong(i + 1, chunk.get(i));
                    }
                    s.executeUpdate();
                }
            }
        }
    }

    private static void insertChildren(Connection c, Map<Long, Tender> tenders) throws SQLException {
        try (Jdbc.Batch lots = Jdbc.Batch.of(c,
                "INSERT INTO tender_lot (tender_id, position, lot_id, title,"
                        + " budget_with_taxes, budget_without_taxes, nuts) VALUES (?, ?, ?, ?, ?, ?, ?)");
                Jdbc.Batch cpvs = Jdbc.Batch.of(c,
                        "INSERT INTO tender_cpv (tender_id, position, lot_id, code) VALUES (?, ?, ?, ?)");
                Jdbc.Batch criteria = Jdbc.Batch.of(c,
                        "INSERT INTO tender_criterion (tender_id, position, kind,"
                                + " lot_id, code, description, weight) VALUES (?, ?, ?, ?, ?, ?, ?)");
                Jdbc.Batch documents = Jdbc.Batch.of(c,
                        "INSERT INTO tender_document (tender_id, position, kind,"
                                + " name, uri, type_code) VALUES (?, ?, ?, ?, ?, ?)");
                Jdbc.Batch results = Jdbc.Batch.of(c, "INSERT INTO tender_result (tender_id, position, lot_id,"
                        + " result_code, award_date, winner_name, winner_tax_id, amount_without_taxes, amount_payable,"
                        + " tenders_received) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Long, Tender> entry : tenders.entrySet()) {
                long id = entry.getKey();
                Tender t = entry.getValue();
                int position = 0;
                for (Lot lot : t.lots()) {
                    lots.setLong(1, id).setInt(2, ++position).setString(3, lot.id()).setString(4, lot.title())
                            .setBigDecimal(5, lot.budgetWithTaxes().orElse(null))
                            .setBigDecimal(6, lot.budgetWithoutTaxes().orElse(null))
                            .setString(7, lot.nuts().orElse(null)).add();
                }
                position = 0;
                for (String cpv : t.cpvs()) {
                    cpvs.setLong(1, id).setInt(2, ++position).setString(3, null).setString(4, cpv).add();
                }
                for (Lot lot : t.lots()) {
                    for (String cpv : lot.cpvs()) {
                        cpvs.setLong(1, id).setInt(2, ++position).setString(3, lot.id()).setString(4, cpv).add();
                    }
                }
                position = 0;
                for (Criterion criterion : t.criteria()) {
                    criteria.setLong(1, id).setInt(2, ++position).setString(3, criterion.kind().name())
                            .setString(4, criterion.lot().orElse(null)).setString(5, criterion.code().orElse(null))
                            .setString(6, criterion.description().orElse(null))
                            .setBigDecimal(7, criterion.weight().orElse(null)).add();
                }
                position = 0;
                for (TenderDocument document : t.documents()) {
                    documents.setLong(1, id).setInt(2, ++position).setString(3, document.kind().name())
                            .setString(4, document.name()).setString(5, document.uri())
                            .setString(6, document.typeCode().orElse(null)).add();
                }
                position = 0;
                for (Award award : t.results()) {
                    results.setLong(1, id).setInt(2, ++position).setString(3, award.lot().orElse(null))
                            .setString(4, award.resultCode()).setObject(5, award.awardDate().orElse(null))
                            .setString(6, award.winnerName().orElse(null))
                            .setString(7, award.winnerTaxId().orElse(null))
                            .setBigDecimal(8, award.amountWithoutTaxes().orElse(null))
                            .setBigDecimal(9, award.amountPayable().orElse(null))
                            .setObject(10, award.tendersReceived().orElse(null)).add();
                }
            }
            lots.send();
            cpvs.send();
            criteria.send();
            documents.send();
            results.send();
        }
    }
}
