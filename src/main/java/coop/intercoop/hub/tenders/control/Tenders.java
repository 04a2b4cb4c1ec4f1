package coop.intercoop.hub.tenders.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.platform.Database;
import coop.intercoop.hub.platform.Jdbc;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.tenders.entity.Tender;
import coop.intercoop.hub.tenders.entity.TenderFilter;
import coop.intercoop.hub.tenders.entity.Tender.Award;
import coop.intercoop.hub.tenders.entity.Tender.Buyer;
import coop.intercoop.hub.tenders.entity.Tender.Criterion;
import coop.intercoop.hub.tenders.entity.Tender.Lot;
import coop.intercoop.hub.tenders.entity.Tender.TenderDocument;

/**
 * Reads the tenders kept from the platform's feed: a page of them by what a tender-manager looks for
 * ({@link TenderFilter}), soonest deadline first; and one tender whole. Public data, the same for every organisation.
 */
@Dependent
public class Tenders {

    /** The most tenders one read of a list answers. */
    public static final int MAX_LIST = 1000;

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    @Inject
    TenderCodes codes;

    /** A tender in a list: what picks it, and when the hub first read it. */
    public record Listed(long id, String folderId, String status, String title, String buyer,
            Optional<String> contractType, Optional<String> procedure, Optional<BigDecimal> budgetWithoutTaxes,
            Optional<BigDecimal> estimatedValue, Optional<LocalDateTime> deadline, Optional<String> nuts,
            Optional<Instant> closedAt, int lots, Instant read) {
    }

    /**
     * A tender kept: its id in the hub, the tender as published, when the platform took it out, if it did, and when the
     * hub first read it.
     */
    public record Kept(long id, Tender tender, Optional<Instant> closedAt, Instant read) {

        /** The tender as a list shows it. */
        public Listed listed() {
            return new Listed(id, tender.folderId(), tender.status(), tender.title(), tender.buyer().name(),
                    tender.contractType(), tender.procedure(), tender.budgetWithoutTaxes(), tender.estimatedValue(),
                    tender.deadline(), tender.nuts(), closedAt, tender.lots().size(), read);
        }
    }

    /** The tenders the filter keeps, soonest deadline first (those without one last), from {@code offset}. */
    public List<Listed> list(TenderFilter filter, int offset, int limit) {
        return list(filter, Optional.empty(), offset, limit);
    }

    /**
     * The tenders the filter keeps that the hub first read after {@code readAfter} (all when empty), soonest deadline
     * first (those without one last), from {@code offset}.
     */
    public List<Listed> list(TenderFilter filter, Optional<Instant> readAfter, int offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, readAfter, parameters);
        if (where == null) {
            return List.of();
        }
        parameters.add(limit);
        parameters.add(offset);
        List<Listed> listed = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT t.id, t.folder_id, t.status, t.title, t.buyer_name,"
                        + " t.contract_type, t.procedure_code, t.budget_without_taxes, t.estimated_value, t.deadline,"
                        + " t.nuts, t.closed_at, (SELECT COUNT(*) FROM tender_lot l WHERE l.tender_id = t.id),"
                        + " t.imported_at FROM tender t WHERE " + where
                        + " ORDER BY t.deadline IS NULL, t.deadline, t.id LIMIT ? OFFSET ?")) {
            set(s, parameters);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    listed.add(new Listed(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            Optional.ofNullable(r.getString(6)), Optional.ofNullable(r.getString(7)),
                            Optional.ofNullable(r.getBigDecimal(8)), Optional.ofNullable(r.getBigDecimal(9)),
                            Optional.ofNullable(r.getObject(10, LocalDateTime.class)),
                            Optional.ofNullable(r.getString(11)), instant(r.getTimestamp(12)), r.getInt(13),
                            r.getTimestamp(14).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The tenders could not be read", e);
        }
        return listed;
    }

    /** How many tenders the filter keeps that the hub first read after {@code readAfter} (all when empty). */
    public int count(TenderFilter filter, Optional<Instant> readAfter) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, readAfter, parameters);
        if (where == null) {
            return 0;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM tender t WHERE " + where)) {
            set(s, parameters);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The tenders could not be counted", e);
        }
    }

    private static Optional<Tender.Term> term(BigDecimal amount, String unit) {
        return Optional.ofNullable(amount).map(a -> new Tender.Term(a, Tender.Term.Unit.valueOf(unit)));
    }

    private static void set(PreparedStatement s, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            s.setObject(i + 1, parameters.get(i));
        }
    }

    /**
     * The filter as a condition on {@code tender t}, its values added to {@code parameters}; null when none can pass.
     */
    private String where(TenderFilter filter, Optional<Instant> readAfter, List<Object> parameters) {
        StringBuilder sql = new StringBuilder("1 = 1");
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND t.status IN (").append(Jdbc.placeholders(filter.statuses().size())).append(')');
            parameters.addAll(filter.statuses());
        }
        if (!filter.cpvPrefixes().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM tender_cpv c WHERE c.tender_id = t.id AND (");
            sql.append(String.join(" OR ", filter.cpvPrefixes().stream().map(p -> "c.code LIKE ?").toList()));
            sql.append("))");
            filter.cpvPrefixes().forEach(p -> parameters.add(p + "%"));
        }
        if (!filter.nutsPrefixes().isEmpty()) {
            sql.append(" AND (");
            sql.append(
                    String.join(" OR ",
                            filter.nutsPrefixes().stream()
                                    .map(p -> "t.nuts LIKE ? OR EXISTS (SELECT 1"
                                            + " FROM tender_lot l WHERE l.tender_id = t.id AND l.nuts LIKE ?)")
                                    .toList()));
            sql.append(')');
            filter.nutsPrefixes().forEach(p -> {
                parameters.add(p + "%");
                parameters.add(p + "%");
            });
        }
        filter.minValue().ifPresent(v -> {
            sql.append(" AND COALESCE(t.estimated_value, t.budget_without_taxes) >= ?");
            parameters.add(v);
        });
        filter.maxValue().ifPresent(v -> {
            sql.append(" AND COALESCE(t.estimated_value, t.budget_without_taxes) <= ?");
            parameters.add(v);
        });
        if (filter.reservedOnly()) {
            List<String> reserved = List.copyOf(codes.reservations().keySet());
            if (reserved.isEmpty()) {
                return null;
            }
            sql.append(" AND EXISTS (SELECT 1 FROM tender_criterion k WHERE k.tender_id = t.id"
                    + " AND k.kind = 'DECLARATION' AND k.code IN (").append(Jdbc.placeholders(reserved.size()))
                    .append("))");
            parameters.addAll(reserved);
        }
        filter.deadlineFrom().ifPresent(d -> {
            sql.append(" AND t.deadline >= ?");
            parameters.add(d.atStartOfDay());
        });
        filter.deadlineTo().ifPresent(d -> {
            sql.append(" AND t.deadline < ?");
            parameters.add(d.plusDays(1).atStartOfDay());
        });
        filter.words().ifPresent(w -> {
            sql.append(" AND (t.title LIKE ? ESCAPE '!' OR t.buyer_name LIKE ? ESCAPE '!'"
                    + " OR t.folder_id LIKE ? ESCAPE '!')");
            String like = "%" + w.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            parameters.add(like);
            parameters.add(like);
            parameters.add(like);
        });
        if (filter.openOnly()) {
            sql.append(" AND t.closed_at IS NULL");
        }
        readAfter.ifPresent(after -> {
            sql.append(" AND t.imported_at > ?");
            parameters.add(Timestamp.from(after));
        });
        return sql.toString();
    }

    /**
     * @throws NotFoundException
     *             when the hub keeps no tender of that id
     */
    public Kept find(long id) {
        try (Connection c = dataSource.getConnection()) {
            Tender tender;
            Optional<Instant> closedAt;
            Instant read;
            try (PreparedStatement s = c.prepareStatement("SELECT entry_id, updated_at, link, folder_id, status, title,"
                    + " buyer_name, buyer_tax_id, buyer_dir3, contract_type, procedure_code, nuts, budget_with_taxes,"
                    + " budget_without_taxes, estimated_value, deadline, closed_at, imported_at, duration_amount,"
                    + " duration_unit FROM tender WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new NotFoundException("tender", id);
                    }
                    List<String> cpvs = new ArrayList<>();
                    List<Lot> lots = lots(c, id, cpvs);
                    tender = new Tender(r.getString(1), r.getTimestamp(2).toInstant(), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6),
                            new Buyer(r.getString(7), Optional.ofNullable(r.getString(8)),
                                    Optional.ofNullable(r.getString(9))),
                            Optional.ofNullable(r.getString(10)), Optional.ofNullable(r.getString(11)), cpvs,
                            Optional.ofNullable(r.getString(12)), Optional.ofNullable(r.getBigDecimal(13)),
                            Optional.ofNullable(r.getBigDecimal(14)), Optional.ofNullable(r.getBigDecimal(15)),
                            Optional.ofNullable(r.getObject(16, LocalDateTime.class)),
                            term(r.getBigDecimal(19), r.getString(20)), lots, criteria(c, id), documents(c, id),
                            results(c, id));
                    closedAt = instant(r.getTimestamp(17));
                    read = r.getTimestamp(18).toInstant();
                }
            }
            return new Kept(id, tender, closedAt, read);
        } catch (SQLException e) {
            throw new IllegalStateException("The tender " + id + " could not be read", e);
        }
    }

    /** The tender's lots, each with its CPV codes; the folder's own codes go to {@code folderCpvs}. */
    private static List<Lot> lots(Connection c, long id, List<String> folderCpvs) throws SQLException {
        java.util.Map<String, List<String>> cpvs = new java.util.HashMap<>();
        try (PreparedStatement s = c
                .prepareStatement("SELECT lot_id, code FROM tender_cpv WHERE tender_id = ? ORDER BY position")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (r.getString(1) == null) {
                        folderCpvs.add(r.getString(2));
                    } else {
                        cpvs.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(2));
                    }
                }
            }
        }
        List<Lot> lots = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT lot_id, title, budget_with_taxes, budget_without_taxes,"
                + " nuts FROM tender_lot WHERE tender_id = ? ORDER BY position")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    lots.add(new Lot(r.getString(1), r.getString(2), Optional.ofNullable(r.getBigDecimal(3)),
                            Optional.ofNullable(r.getBigDecimal(4)), cpvs.getOrDefault(r.getString(1), List.of()),
                            Optional.ofNullable(r.getString(5))));
                }
            }
        }
        return lots;
    }

    private static List<Criterion> criteria(Connection c, long id) throws SQLException {
        List<Criterion> criteria = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT kind, lot_id, code, description, weight"
                + " FROM tender_criterion WHERE tender_id = ? ORDER BY position")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    criteria.add(new Criterion(Criterion.Kind.valueOf(r.getString(1)),
                            Optional.ofNullable(r.getString(2)), Optional.ofNullable(r.getString(3)),
                            Optional.ofNullable(r.getString(4)), Optional.ofNullable(r.getBigDecimal(5))));
                }
            }
        }
        return criteria;
    }

    private static List<TenderDocument> documents(Connection c, long id) throws SQLException {
        List<TenderDocument> documents = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT kind, name, uri, type_code FROM tender_document" + " WHERE tender_id = ? ORDER BY position")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    documents.add(new TenderDocument(TenderDocument.Kind.valueOf(r.getString(1)), r.getString(2),
                            r.getString(3), Optional.ofNullable(r.getString(4))));
                }
            }
        }
        return documents;
    }

    private static List<Award> results(Connection c, long id) throws SQLException {
        List<Award> results = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT lot_id, result_code, award_date, winner_name,"
                + " winner_tax_id, amount_without_taxes, amount_payable, tenders_received FROM tender_result"
                + " WHERE tender_id = ? ORDER BY position")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int count = r.getInt(8);
                    Optional<Integer> received = r.wasNull() ? Optional.empty() : Optional.of(count);
                    results.add(new Award(Optional.ofNullable(r.getString(1)), r.getString(2),
                            Optional.ofNullable(r.getObject(3, LocalDate.class)), Optional.ofNullable(r.getString(4)),
                            Optional.ofNullable(r.getString(5)), Optional.ofNullable(r.getBigDecimal(6)),
                            Optional.ofNullable(r.getBigDecimal(7)), received));
                }
            }
        }
        return results;
    }

    private static Optional<Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }
}
